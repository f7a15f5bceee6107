import { users } from '@parley/db';
import { redirect } from 'next/navigation';
import { CredentialsForm } from '@/src/auth/CredentialsForm';
import { minPasswordLength } from '@/src/server/auth/password';

export const dynamic = 'force-dynamic';

/** First run: nobody can sign in yet; whoever has the setup code the server printed creates the admin account. */
export default async function SetupPage() {
  if ((await users.count()) > 0) redirect('/signin');
  return (
    <section className="auth-page">
      <h1>Create the admin account</h1>
      <p>
        Parley has no users yet. The account you create here administers the workspace. To prove you run this server,
        enter the setup code it printed when it started.
      </p>
      <CredentialsForm
        withSetupCode
        action="/api/auth/setup"
        submitLabel="Create the admin account"
        passwordHint={`At least ${minPasswordLength} characters.`}
      />
    </section>
  );
}
