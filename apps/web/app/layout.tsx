import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/src/auth/SignOutButton';
import { MainNav } from '@/src/nav/MainNav';
import { pageSession } from '@/src/server/auth/page-session';
import { EMBED_PAGE_HEADER } from '@/src/server/security-headers';
import './globals.css';

export const metadata: Metadata = {
  title: 'Parley',
  description: 'Design realtime voice agents as a graph.',
};

/** The page frame shared by every screen: the main sections, who is signed in, settings and sign-out (not on widget pages). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  if ((await headers()).get(EMBED_PAGE_HEADER)) {
    return (
      <html lang="en">
        <body className="embed-body">{children}</body>
      </html>
    );
  }
  const session = await pageSession();
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <a href="/" className="brand">
            Parley
          </a>
          {session && <MainNav />}
          {session && (
            <div className="topbar-user">
              <span data-testid="signed-in-as">{session.user.email}</span>
              <a href="/settings">Settings</a>
              <SignOutButton />
            </div>
          )}
        </header>
        <main className="content">{children}</main>
      </body>
    </html>
  );
}
