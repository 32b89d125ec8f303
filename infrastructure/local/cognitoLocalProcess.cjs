// Starts cognito-local for the local stack. The emulator "emails" codes by printing them; here
// every delivery is also appended, synchronously and before the emulator answers, to the file
// named by IAM_EMULATOR_OUTBOX, which the local outbox (`GET /dev/outbox`) reads. Run with the
// working directory holding `.cognito/`; HOST and PORT as for the emulator's own bin.
const { appendFileSync } = require('node:fs');
const pino = require('pino');
const { ConsoleMessageSender } = require('cognito-local/lib/services/messageDelivery/consoleMessageSender');
const { createDefaultServer } = require('cognito-local/lib/server');

const outbox = process.env.IAM_EMULATOR_OUTBOX;
if (outbox) {
  const sendToConsole = ConsoleMessageSender.prototype.sendToConsole;
  ConsoleMessageSender.prototype.sendToConsole = function relay(ctx, user, destination, message) {
    appendFileSync(
      outbox,
      `${JSON.stringify({ to: String(destination).toLowerCase(), code: message.__code, at: new Date().toISOString() })}\n`,
    );
    return sendToConsole.call(this, ctx, user, destination, message);
  };
}

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
