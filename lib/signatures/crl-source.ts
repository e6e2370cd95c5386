// Where CRLs come from: a port, so the job can be tested and run here without network. Production fetches the
// distribution-point URL over HTTP (EDS_CRL_SOURCE=http); everywhere else a simulator answers from what was
// published to it (tests publish the real NUC test CRL under its URL), and knows nothing else.
export interface CrlSource {
  readonly name: string;
  /** The DER bytes at the URL; throws when they cannot be had. */
  fetch(url: string): Promise<Uint8Array>;
}

/** Certificates and CRLs are small; a larger answer is not a CRL we want in memory. */
const MAX_CRL_BYTES = 20 * 1024 * 1024;

export function httpCrlSource(timeoutMs = 10_000): CrlSource {
  return {
    name: 'http',
    async fetch(url) {
      if (!/^https?:\/\//i.test(url)) throw new Error('not an http(s) URL');
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = new Uint8Array(await res.arrayBuffer());
      if (body.length > MAX_CRL_BYTES) throw new Error('CRL too large');
      return body;
    },
  };
}

export class CrlSourceSimulator implements CrlSource {
  readonly name = 'simulator';
  private readonly files = new Map<string, Uint8Array>();
  publish(url: string, der: Uint8Array) {
    this.files.set(url, der);
    return this;
  }
  async fetch(url: string) {
    const der = this.files.get(url);
    if (!der) throw new Error('not published to the simulator');
    return der;
  }
}

const g = globalThis as unknown as { qyzmetCrlSimulator?: CrlSourceSimulator };

/** The configured source: HTTP in production, one simulator per process elsewhere. */
export function getCrlSource(): CrlSource {
  if (process.env.EDS_CRL_SOURCE === 'http') return httpCrlSource();
  return (g.qyzmetCrlSimulator ??= new CrlSourceSimulator());
}
