import { useTranslation } from 'react-i18next';
import { useLoad } from '../use-load.ts';
import { getCampaign, listSegments } from './api.ts';
import { EditorForm } from './EditorForm.tsx';
import { LoadFailure } from './LoadFailure.tsx';

/** A new campaign (optionally on a segment just built), or a draft or rejected one to rework. */
export function CampaignEditor({ id, segmentId }: { id?: string; segmentId?: string }) {
  const { t } = useTranslation('campaigns');
  const loaded = useLoad(async () => {
    const [segments, campaign] = await Promise.all([
      listSegments(),
      id ? getCampaign(id) : Promise.resolve(undefined),
    ]);
    return { segments: segments.items, campaign };
  }, id ?? '');
  return (
    <section className="page cmp-page" data-page="campaign-editor">
      <h1>{t(id ? 'editor.editTitle' : 'editor.newTitle')}</h1>
      {loaded.error !== undefined ? (
        <LoadFailure error={loaded.error} retry={() => void loaded.reload()} />
      ) : !loaded.data ? (
        <p className="loading">{t('loading')}</p>
      ) : (
        <EditorForm segments={loaded.data.segments} campaign={loaded.data.campaign} segmentId={segmentId} />
      )}
    </section>
  );
}
