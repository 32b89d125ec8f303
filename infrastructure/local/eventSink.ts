/**
 * The local stand-in for the EventBridge bus: every published entry is appended as one JSON
 * line to a file in the data folder, with the stream position it came from. `GET /dev/events`
 * reads it, so tests see exactly what EventBridge would receive.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { PublishEntry } from '../../shared/events/deliverChanges.ts';

export interface SinkLine extends PublishEntry {
  shardId: string;
  sequenceNumber: string;
}

export class LocalEventSink {
  /** The file's lines, parsed once: a test run reads the bus many times a second while thousands of entries arrive. */
  private lines: SinkLine[] | undefined;

  constructor(readonly file: string) {}

  append(lines: SinkLine[]): void {
    if (lines.length === 0) return;
    const held = this.read();
    appendFileSync(this.file, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    held.push(...lines);
  }

  read(): SinkLine[] {
    this.lines ??= existsSync(this.file)
      ? readFileSync(this.file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as SinkLine)
      : [];
    return this.lines;
  }
}
