// The ceiling (issue 6, part 4): one dynamic server-rendered page of the same Next.js, no data, no auth, no
// i18n. Every portal page's throughput is reported as a ratio to this one.
import { connection } from 'next/server';

export default async function Page() {
  await connection();
  const now = new Date();
  return (
    <main>
      <h1>Baseline</h1>
      <p>Rendered at {now.toISOString()}</p>
      <ul>
        {Array.from({ length: 20 }, (_, i) => (
          <li key={i}>Row {i + 1}</li>
        ))}
      </ul>
    </main>
  );
}
