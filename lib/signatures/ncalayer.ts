/**
 * A browser client for NCALayer, the National Certification Centre's desktop signing app, which listens on
 * wss://127.0.0.1:13579. The private key stays in NCALayer (file, token or ID card); we get a CMS back.
 * Protocol: `kz.gov.pki.knca.basics` `sign` (named args, reply `{status, body: {result}}`), with the legacy
 * `kz.gov.pki.knca.commonUtils` `createCAdESFromBase64` (positional args, reply `{code, responseObject}`) as a
 * fallback for old NCALayer builds that do not know the basics module.
 */
export const NCALAYER_URL = 'wss://127.0.0.1:13579';

export const EKU_SIGNING = '1.3.6.1.5.5.7.3.4';
export const EKU_AUTHENTICATION = '1.3.6.1.5.5.7.3.2';

export type NcaLayerProblem = 'ncalayer_not_running' | 'ncalayer_cancelled' | 'ncalayer_failed';

export class NcaLayerError extends Error {
  constructor(
    public readonly code: NcaLayerProblem,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'NcaLayerError';
  }
}

export type NcaSignRequest = {
  /** The exact bytes to sign, base64; NCALayer decodes them and signs the bytes (detached CMS). */
  dataBase64: string;
  purpose: 'signing' | 'authentication';
  iin?: string;
  bin?: string;
  locale: 'kk' | 'ru';
};

type Reply = {
  status?: boolean;
  code?: string | number;
  message?: string;
  body?: { result?: string | string[] };
  responseObject?: string;
  result?: unknown;
};

function isCancel(r: Reply) {
  return /cancel/i.test(`${r.code ?? ''} ${r.message ?? ''}`);
}

/** One request, one reply, over a fresh connection (NCALayer serves one dialog at a time anyway). */
function exchange(url: string, request: object, timeoutMs: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      reject(new NcaLayerError('ncalayer_not_running'));
      return;
    }
    let opened = false;
    const timer = setTimeout(() => {
      socket.close();
      reject(new NcaLayerError(opened ? 'ncalayer_failed' : 'ncalayer_not_running', 'timeout'));
    }, timeoutMs);
    socket.onopen = () => {
      opened = true;
      socket.send(JSON.stringify(request));
    };
    socket.onerror = () => {
      clearTimeout(timer);
      reject(new NcaLayerError(opened ? 'ncalayer_failed' : 'ncalayer_not_running'));
    };
    socket.onmessage = (event) => {
      let reply: Reply;
      try {
        reply = JSON.parse(String(event.data)) as Reply;
      } catch {
        return;
      }
      // NCALayer greets new connections with its version ({result: {version}}): not our answer.
      if (reply.status === undefined && reply.code === undefined && reply.responseObject === undefined) return;
      clearTimeout(timer);
      socket.close();
      resolve(reply);
    };
  });
}

/** Signs with NCALayer and returns the CMS (base64 DER). */
export async function signWithNcaLayer(req: NcaSignRequest, opts: { url?: string; timeoutMs?: number } = {}): Promise<string> {
  const url = opts.url ?? NCALAYER_URL;
  const timeoutMs = opts.timeoutMs ?? 5 * 60_000; // the person picks a key and types a password
  const reply = await exchange(
    url,
    {
      module: 'kz.gov.pki.knca.basics',
      method: 'sign',
      args: {
        allowedStorages: null,
        format: 'cms',
        data: req.dataBase64,
        signingParams: { decode: true, encapsulate: false, digested: false, tsaProfile: null },
        signerParams: {
          extKeyUsageOids: [req.purpose === 'signing' ? EKU_SIGNING : EKU_AUTHENTICATION],
          iin: req.iin ?? '',
          bin: req.bin ?? '',
          serialNumber: '',
          chain: null,
        },
        locale: req.locale,
      },
    },
    timeoutMs,
  );
  if (reply.status === true) {
    const result = Array.isArray(reply.body?.result) ? reply.body.result[0] : reply.body?.result;
    if (typeof result === 'string' && result.length > 0) return result.replace(/\s+/g, '');
    throw new NcaLayerError('ncalayer_failed', 'empty result');
  }
  if (isCancel(reply)) throw new NcaLayerError('ncalayer_cancelled');
  // An NCALayer without the basics module: the legacy commonUtils call.
  if (reply.status === undefined || /module|method/i.test(reply.message ?? '')) {
    const legacy = await exchange(
      url,
      {
        module: 'kz.gov.pki.knca.commonUtils',
        method: 'createCAdESFromBase64',
        args: ['PKCS12', req.purpose === 'signing' ? 'SIGNATURE' : 'AUTHENTICATION', req.dataBase64, false],
      },
      timeoutMs,
    );
    if (String(legacy.code) === '200' && typeof legacy.responseObject === 'string') return legacy.responseObject.replace(/\s+/g, '');
    if (isCancel(legacy)) throw new NcaLayerError('ncalayer_cancelled');
    throw new NcaLayerError('ncalayer_failed', legacy.message);
  }
  throw new NcaLayerError('ncalayer_failed', reply.message);
}
