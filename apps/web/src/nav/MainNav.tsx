'use client';

import { usePathname } from 'next/navigation';

const sections = [
  { href: '/', label: 'Flows', owns: (path: string) => path === '/' || path.startsWith('/flows') },
  { href: '/calls', label: 'Calls', owns: (path: string) => path.startsWith('/calls') },
];

/** The app's main sections, the current one marked. */
export function MainNav() {
  const path = usePathname();
  return (
    <nav className="topbar-nav" aria-label="Main">
      {sections.map((section) => (
        <a key={section.href} href={section.href} aria-current={section.owns(path) ? 'page' : undefined}>
          {section.label}
        </a>
      ))}
    </nav>
  );
}
