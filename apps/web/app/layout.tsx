import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Parley',
  description: 'Design realtime voice agents as a graph.',
};

/** The page frame shared by every screen. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <a href="/" className="brand">
            Parley
          </a>
        </header>
        <main className="content">{children}</main>
      </body>
    </html>
  );
}
