// `npm start`: build the web app when it is out of date, then run the API, which serves
// the web build and /v1 on one port.
import { ensureWebBuild } from './lib/web-build.mjs';
import { spawnApi } from './lib/server.mjs';

try {
  ensureWebBuild();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const api = spawnApi({}, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => api.kill(signal));
}
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
