import { requirePageSession } from '@/src/server/auth/page-session';
import { AddUserPanel } from '@/src/settings/AddUserPanel';
import { AllowListPanel } from '@/src/settings/AllowListPanel';
import { ApiKeysPanel } from '@/src/settings/ApiKeysPanel';
import { RecordingRetentionPanel } from '@/src/settings/RecordingRetentionPanel';
import { SecretsPanel } from '@/src/settings/SecretsPanel';
import { WidgetKeysPanel } from '@/src/settings/WidgetKeysPanel';
import { WorkspaceSlugPanel } from '@/src/slugs/WorkspaceSlugPanel';

export const dynamic = 'force-dynamic';

/** Workspace settings: the workspace slug, secrets, the webhook allow-list, API and widget keys and (admins) new accounts. */
export default async function SettingsPage() {
  const session = await requirePageSession();
  const admin = session.workspace.role === 'admin';
  return (
    <div className="settings">
      <h1>{session.workspace.name}</h1>
      <WorkspaceSlugPanel canEdit={admin} />
      <SecretsPanel canEdit={admin} />
      <AllowListPanel canEdit={admin} />
      <RecordingRetentionPanel canEdit={admin} />
      <ApiKeysPanel canEdit={admin} />
      <WidgetKeysPanel canEdit={admin} />
      {admin && <AddUserPanel />}
    </div>
  );
}
