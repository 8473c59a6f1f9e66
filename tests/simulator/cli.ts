import { startSimulator } from './server';

/** `npm run simulator -- --port 4100`: runs the Graph API simulator alone until Ctrl+C. */
const portFlag = process.argv.indexOf('--port');
const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 4100;
const simulator = await startSimulator({ port });
console.log(`Graph API simulator listening on ${simulator.url} (controls under ${simulator.url}/__sim/)`);
process.on('SIGINT', () => void simulator.close().then(() => process.exit(0)));
