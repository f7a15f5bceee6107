import { BlockList, isIP } from 'node:net';

/** Why an address is no place for a webhook to go, worded to follow "a"/"an" in a sentence. */
export type AddressKind =
  | 'cloud metadata'
  | 'unspecified'
  | 'loopback'
  | 'link-local'
  | 'private'
  | 'shared (carrier-grade NAT)'
  | 'multicast'
  | 'reserved'
  | 'IPv6 transition';

type Range = [network: string, prefix: number];

// Checked in this order, so the most telling name wins (metadata before link-local/private).
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) match the IPv4 ranges: BlockList maps them itself.
const ranges: [AddressKind, Range[]][] = [
  [
    'cloud metadata',
    [
      ['169.254.169.254', 32],
      ['fd00:ec2::254', 128],
    ],
  ],
  [
    'unspecified',
    [
      ['0.0.0.0', 8],
      ['::', 128],
    ],
  ],
  [
    'loopback',
    [
      ['127.0.0.0', 8],
      ['::1', 128],
    ],
  ],
  [
    'link-local',
    [
      ['169.254.0.0', 16],
      ['fe80::', 10],
    ],
  ],
  [
    'private',
    [
      ['10.0.0.0', 8],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
      ['fc00::', 7],
    ],
  ],
  ['shared (carrier-grade NAT)', [['100.64.0.0', 10]]],
  [
    'multicast',
    [
      ['224.0.0.0', 4],
      ['ff00::', 8],
    ],
  ],
  [
    'reserved',
    [
      ['192.0.0.0', 24],
      ['192.0.2.0', 24],
      ['198.18.0.0', 15],
      ['198.51.100.0', 24],
      ['203.0.113.0', 24],
      ['240.0.0.0', 4],
      ['2001:db8::', 32],
      // IPv4-compatible (deprecated) addresses: ::a.b.c.d
      ['::', 96],
    ],
  ],
  // These carry an IPv4 address inside, which a translator may turn into an internal one.
  [
    'IPv6 transition',
    [
      // IPv4-translated (SIIT): ::ffff:0:a.b.c.d, also written ::ffff:0:7f00:1.
      ['::ffff:0:0:0', 96],
      ['64:ff9b::', 96],
      ['64:ff9b:1::', 48],
      ['2002::', 16],
      ['2001::', 32],
    ],
  ],
];

const lists: [AddressKind, BlockList][] = ranges.map(([kind, subnets]) => {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, isIP(network) === 6 ? 'ipv6' : 'ipv4');
  return [kind, list];
});

// BlockList parses every textual IPv6 form (hex, dotted tail, zero runs, case) to its 128 bits, so
// checks below never depend on how the address was written. Public IPv6 is global unicast only;
// IPv4-mapped addresses (::ffff:a.b.c.d) stand for their IPv4 address, already checked above.
const globalUnicast = new BlockList();
globalUnicast.addSubnet('2000::', 3, 'ipv6');
const ipv4Mapped = new BlockList();
ipv4Mapped.addSubnet('::ffff:0:0', 96, 'ipv6');

/** The kind of non-public address `address` is, or null for a public unicast address. */
export function nonPublicKind(address: string): AddressKind | null {
  const family = isIP(address);
  if (family === 0) throw new TypeError(`${address} is not an IP address`);
  const type = family === 6 ? 'ipv6' : 'ipv4';
  for (const [kind, list] of lists) if (list.check(address, type)) return kind;
  if (family === 6 && !globalUnicast.check(address, 'ipv6') && !ipv4Mapped.check(address, 'ipv6')) return 'reserved';
  return null;
}
