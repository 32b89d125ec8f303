// Starts cognito-local with a plain JSON logger (its own bin pretty-prints with colours), so the
// local stack can read the messages the emulator "emails" (it prints them) and relay them to
// the outbox. Run with the working directory holding `.cognito/`; HOST and PORT as for the bin.
const pino = require('pino');
const { createDefaultServer } = require('cognito-local/lib/server');

const logger = pino({ level: process.env.DEBUG ? 'debug' : 'info' });
createDefaultServer(logger)
  .then((server) => server.start())
  .then((server) => {
    const address = server.address();
    logger.info(`Cognito Local running on http://${address.address}:${address.port}`);
  })
  .catch((error) => {
    logger.error(error);
    process.exit(1);
  });
