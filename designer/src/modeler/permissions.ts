import { useSession } from '../session.tsx';

/**
 * What the logged-in person may do here, from their roles as the server grants the
 * permissions (modules/identity/roles.ts); the server checks again on every call.
 */
export function useModelerPermissions(): { canDesign: boolean; canApprove: boolean; username: string } {
  const { me, has } = useSession();
  return {
    canDesign: has('process-owner'),
    canApprove: has('process-owner', 'admin'),
    username: me?.username ?? '',
  };
}
