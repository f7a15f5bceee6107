import { users } from '@parley/db';
import { redirect } from 'next/navigation';
import { CredentialsForm } from '@/src/auth/CredentialsForm';
import { pageSession } from '@/src/server/auth/page-session';

export const dynamic = 'force-dynamic';

/** Sign-in; first run goes to /setup, a signed-in visitor to the flows. */
export default async function SignInPage() {
  if ((await users.count()) === 0) redirect('/setup');
  if (await pageSession()) redirect('/');
  return (
    <section className="auth-page">
      <h1>Sign in</h1>
      <CredentialsForm action="/api/auth/signin" submitLabel="Sign in" />
    </section>
  );
}
