import { requirePageSession } from '@/src/server/auth/page-session';
import { AddUserPanel } from '@/src/settings/AddUserPanel';
import { AllowListPanel } from '@/src/settings/AllowListPanel';
import { ApiKeysPanel } from '@/src/settings/ApiKeysPanel';
import { SecretsPanel } from '@/src/settings/SecretsPanel';
import { WidgetKeysPanel } from '@/src/settings/WidgetKeysPanel';

export const dynamic = 'force-dynamic';

/** Workspace settings: secrets, the webhook allow-list, API keys and (admins) new accounts. */
export default async function SettingsPage() {
  const session = await requirePageSession();
  const admin = session.workspace.role === 'admin';
  return (
    <div className="settings">
      <h1>{session.workspace.name}</h1>
      <SecretsPanel canEdit={admin} />
      <AllowListPanel canEdit={admin} />
      <ApiKeysPanel canEdit={admin} />
      <WidgetKeysPanel canEdit={admin} />
      {admin && <AddUserPanel />}
    </div>
  );
}
