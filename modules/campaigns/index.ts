import { BusinessCalendar } from '../calendar/index.ts';
import { notificationService } from '../notifications/index.ts';
import type { ModuleContext, PlatformModule } from '../server/module.ts';
import { taskService } from '../tasks/index.ts';
import { seedDemoCampaigns } from './demo-data.ts';
import { campaignRoutes } from './routes-campaigns.ts';
import { segmentRoutes } from './routes-segments.ts';
import { CampaignRunner } from './runner.ts';
import { CampaignService } from './service.ts';
import { countAudienceWorker } from './workers/count-audience.ts';
import { recordDecisionWorker } from './workers/record-decision.ts';
import { sendBatchWorker } from './workers/send-batch.ts';

export { CampaignsError } from './errors.ts';
export { APPROVAL_PROCESS, CampaignService } from './service.ts';

/** One service per platform: routes, workers and the demo seed share it. */
const services = new WeakMap<ModuleContext, CampaignService>();
export function campaignService(context: ModuleContext): CampaignService {
  let service = services.get(context);
  if (!service) {
    service = new CampaignService({
      context,
      notifications: notificationService(context),
      calendar: new BusinessCalendar(context.sequelize),
    });
    services.set(context, service);
  }
  return service;
}

/**
 * campaigns: segments (rules on profile, products and consent) with a live count; campaigns
 * through maker-checker approval (processes/campaigns-campaign-approval.bpmn): the eligible
 * audience counted after consent, compliance approval above CAMPAIGN_APPROVAL_THRESHOLD with
 * four eyes in the service, the task list and the worker; sending in batches through
 * notifications; pause, resume, cancel; progress and the funnel. Workers
 * `crm.campaigns.count-audience`, `crm.campaigns.record-decision`, `crm.campaigns.send-batch`.
 */
export const campaignsModule: PlatformModule = {
  name: 'campaigns',
  migrations: new URL('./migrations/', import.meta.url),
  routes: (app, context) => {
    const service = campaignService(context);
    segmentRoutes(app, service.segments);
    campaignRoutes(app, service, taskService(context));
  },
  bootstrap: async (context) => {
    if (!context.config.demo || context.config.nodeEnv === 'test') return;
    const seeded = await seedDemoCampaigns(campaignService(context));
    if (seeded > 0) context.logger.info({ campaigns: seeded }, 'demo campaigns seeded');
  },
  workers: (context) => {
    const runner = new CampaignRunner(campaignService(context));
    return [countAudienceWorker(runner), recordDecisionWorker(runner), sendBatchWorker(runner)];
  },
};
