/**
 * The baseline for `npm run bench`: a bare Fastify instance with one route answering {hello:'world'}, in its own
 * process like the platform, so that neither shares an event loop with the load generator. Prints its port.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`PORT=${typeof address === 'object' && address ? address.port : 0}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
