import 'reflect-metadata'; // @peculiar/x509's dependency injection (tsyringe) needs it loaded first
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import * as x509 from '@peculiar/x509';
import { WebSocketServer } from 'ws';
import { derToPem, fromBase64 } from '../lib/signatures/encoding';
import { exportLegacyPkcs12 } from '../lib/signatures/legacy-pkcs12-export';
import { importPkcs12 } from '../lib/signatures/pkcs12';
import { importPrivateKey, signDetachedCms } from '../lib/signatures/sign';

export type KeyFile = { buffer: Buffer; password: string; name: string };

/** Opens a persona's demo keys on the sign-in page (link + password), as a person would. */
export async function openKeys(page: Page, iin: string, locale: 'kk' | 'ru') {
  await page.goto(`/${locale}/sign-in`);
  await page.locator(`li:has(button[data-persona="${iin}"]) summary`).click();
}

/** A persona's demo key file, as a person gets it from the sign-in page (link + password shown there). */
export async function downloadKey(
  page: Page,
  iin: string,
  kind: 'authentication' | 'signing' | 'signing-legal' | 'authentication-legal',
): Promise<KeyFile> {
  const link = page.locator(`a[data-key="${iin}-${kind}"]`);
  const href = await link.getAttribute('href');
  const password = (await page.getByTestId(`password-${iin}`).textContent())?.trim() ?? '';
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  return { buffer: Buffer.from(await res.body()), password, name: `${kind}.p12` };
}

/**
 * The same key rewritten in the legacy scheme every real NUC key file uses (3DES key bag, RC2-40 certificate
 * bags, HMAC-SHA1), so the browser takes the path a real key file takes. Made at test time from the demo PKI.
 */
export async function asLegacyKeyFile(key: KeyFile): Promise<KeyFile> {
  const contents = await importPkcs12(new Uint8Array(key.buffer), key.password);
  const legacy = await exportLegacyPkcs12({ ...contents, password: key.password });
  return { ...key, buffer: Buffer.from(legacy), name: key.name.replace(/\.p12$/, '-legacy.p12') };
}

/** A persona's demo key file, fetched in a context of its own, as a person downloads it from the sign-in page. */
export async function signingKeyOf(
  browser: Browser,
  iin: string,
  locale: 'kk' | 'ru',
  kind: Parameters<typeof downloadKey>[2] = 'signing',
): Promise<KeyFile> {
  const page = await (await browser.newContext()).newPage();
  await openKeys(page, iin, locale);
  const key = await downloadKey(page, iin, kind);
  await page.context().close();
  return key;
}

/**
 * A self-signed TLS server certificate for 127.0.0.1, as NCALayer ships one: Chromium refuses an RSA server key
 * without digitalSignature/keyEncipherment usage even when told to ignore certificate errors.
 */
async function loopbackTlsCertificate(): Promise<{ cert: string; key: string }> {
  x509.cryptoProvider.set(globalThis.crypto);
  const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = await globalThis.crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=127.0.0.1',
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 86_400_000),
    keys,
    signingAlgorithm: alg,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: 'ip', value: '127.0.0.1' }]),
    ],
  });
  return {
    cert: cert.toString('pem'),
    key: derToPem(new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey)), 'PRIVATE KEY'),
  };
}

/**
 * A small fake NCALayer: a TLS WebSocket server on 127.0.0.1:13579 that answers `kz.gov.pki.knca.basics`
 * `sign` by signing the given bytes with one persona's key — so the real browser client and the real server
 * verification run end to end. Chromium must ignore the self-signed TLS certificate (test launch flag).
 */
export async function startFakeNcaLayer(key: KeyFile, port = 13579) {
  const tls = await loopbackTlsCertificate();
  const server = https.createServer(tls);
  const wss = new WebSocketServer({ server });
  const requests: unknown[] = [];
  wss.on('connection', (socket) => {
    socket.send(JSON.stringify({ result: { version: '1.4' } }));
    socket.on('message', async (raw) => {
      const req = JSON.parse(String(raw)) as { module: string; method: string; args: { data: string } };
      requests.push(req);
      if (req.module !== 'kz.gov.pki.knca.basics' || req.method !== 'sign') {
        socket.send(JSON.stringify({ status: false, code: 'UNKNOWN_METHOD', message: 'unknown method' }));
        return;
      }
      const contents = await importPkcs12(new Uint8Array(key.buffer), key.password);
      const cms = await signDetachedCms({
        data: fromBase64(req.args.data),
        certPem: contents.certPem,
        privateKey: await importPrivateKey(contents.keyPkcs8Der),
        chainPems: contents.chainPems,
      });
      socket.send(JSON.stringify({ status: true, body: { result: [cms] } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    requests,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((r) => {
        wss.close();
        server.close(() => r());
      }),
  };
}

/** In an open signing dialog: choose the key-file method, give the file and password, sign. */
export async function signInDialogWithKeyFile(dialog: Locator, key: KeyFile, locale: 'kk' | 'ru') {
  const l =
    locale === 'kk'
      ? { method: 'Кілт файлы', file: 'Қол қою кілті (.p12)', password: 'Кілттің құпиясөзі', sign: 'Қол қою' }
      : { method: 'Файл ключа', file: 'Ключ подписи (.p12)', password: 'Пароль ключа', sign: 'Подписать' };
  await dialog.getByLabel(l.method).check();
  await dialog.getByLabel(l.file).setInputFiles({ name: key.name, mimeType: 'application/x-pkcs12', buffer: key.buffer });
  await dialog.getByLabel(l.password).fill(key.password);
  await dialog.getByRole('button', { name: l.sign, exact: true }).click();
}
