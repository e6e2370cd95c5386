// Memory soak (issue 6): a steady load at half the measured capacity for minutes, sampling the server's resident
// memory every 5 s; growth compares the last minute's mean with the first minute's. A warm-up at the same rate
// comes first and is not sampled: V8 grows its heap to the working size in the first seconds of a new load.
import { load } from './pages';
import { treeRss, type Server } from './servers';

export type Soak = {
  page: string;
  seconds: number;
  rate: number;
  requests: number;
  errors: number;
  rssStartMiB: number;
  rssEndMiB: number;
  growth: number;
  samples: number[];
};

export async function soak(
  server: Server,
  path: string,
  page: string,
  rate: number,
  seconds: number,
  cookie?: string,
  warmupSeconds = 30,
): Promise<Soak> {
  await load(server.url + path, 16, warmupSeconds, cookie, Math.max(1, Math.round(rate)));
  const samples: number[] = [treeRss(server.pid)];
  const timer = setInterval(() => samples.push(treeRss(server.pid)), 5_000);
  const result = await load(server.url + path, 16, seconds, cookie, Math.max(1, Math.round(rate))).finally(() => clearInterval(timer));
  const window = Math.max(1, Math.min(12, Math.floor(samples.length / 3)));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const start = mean(samples.slice(0, window));
  const end = mean(samples.slice(-window));
  const mib = (b: number) => b / 2 ** 20;
  return {
    page,
    seconds,
    rate,
    requests: result.requests,
    errors: result.errors,
    rssStartMiB: mib(start),
    rssEndMiB: mib(end),
    growth: start ? (end - start) / start : 0,
    samples: samples.map((s) => Math.round(mib(s))),
  };
}
