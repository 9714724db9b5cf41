import { withServedApp } from '../lib/served-app';
import { FIRST_SCREENS, measureFirstScreenJs } from './measure-bundle';

// Breathly, a far smaller breathing app, ships 394 KB of gzipped JavaScript.
export const BUDGET_GZIP_BYTES = 394_000;

export async function runBundleBench(): Promise<boolean> {
  return withServedApp(async (url) => {
    console.log('\n## bench/bundle — JavaScript loaded before the first screen (web)');
    let allWithin = true;
    for (const screen of FIRST_SCREENS) {
      const report = await measureFirstScreenJs(url, screen);
      console.log(`  ${screen.name}:`);
      for (const file of report.files) {
        const when = file.beforeFirstScreen ? 'before the first screen' : 'after (not counted)';
        console.log(
          `    ${file.path}  ${kb(file.bytes)} raw, ${kb(file.gzipBytes)} gzip — ${when}`,
        );
      }
      const within = report.totalGzipBytes <= BUDGET_GZIP_BYTES;
      if (screen.budgeted) allWithin &&= within;
      const verdict = screen.budgeted
        ? `(budget ${kb(BUDGET_GZIP_BYTES)}) → ${within ? 'within budget' : 'OVER BUDGET'}`
        : '(recorded; the budget applies to home)';
      console.log(
        `    before the first screen: ${report.files.filter((f) => f.beforeFirstScreen).length} files, ${kb(report.totalBytes)} raw, ${kb(report.totalGzipBytes)} gzip ${verdict}`,
      );
    }
    return allWithin;
  });
}

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = (await runBundleBench()) ? 0 : 1;
}
