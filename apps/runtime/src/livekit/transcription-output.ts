import { randomUUID } from 'node:crypto';
import type { SessionEvent } from '@parley/engine';
import type { Logger } from '../log';
import {
  ATTRIBUTE_SEGMENT_ID,
  ATTRIBUTE_TRANSCRIBED_TRACK_ID,
  ATTRIBUTE_TRANSCRIPTION_FINAL,
  TOPIC_TRANSCRIPTION,
} from './conventions';

/** One open text stream (rtc-node's TextStreamWriter). */
export interface TextWriter {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

export interface TextStreamRequest {
  topic: string;
  attributes: Record<string, string>;
  /** Publish as this participant (LiveKit's "on behalf of"); the local participant when absent. */
  senderIdentity?: string;
}

/** What transcripts need of a LocalParticipant: its streamText(). */
export interface TextStreamOpener {
  streamText(request: TextStreamRequest): Promise<TextWriter>;
}

export interface TranscriptionOutputOptions {
  streams: TextStreamOpener;
  /** The linked caller: their transcripts are published on their behalf. */
  callerIdentity: () => string | null;
  /** Sid of the caller's microphone track, once subscribed. */
  callerTrackSid: () => string | undefined;
  /** Sid of the agent's published audio track. */
  agentTrackSid: () => string | undefined;
  log: Logger;
  /** Ids of user segments (agent segments use the speech id). */
  newSegmentId?: () => string;
}

/** The agent segment being written: one per speech. */
interface AgentSegment {
  speechId: string;
  writer: TextWriter | null;
  /** Text of the assistant messages of this speech so far; set once the first one arrived. */
  heard: string | null;
  /** Its final is owed: sent once the speech's messages are all in (the next other event, or close). */
  finalPending: boolean;
}

/** A fresh user segment id, shaped like LiveKit Agents' (`SG_` + random). */
export function userSegmentId(): string {
  return `SG_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/**
 * Publishes both sides' transcripts as LiveKit frontends expect them on `lk.transcription`.
 *
 * User: every transcript is a whole stream holding the segment's full text so far, sent on the
 * caller's behalf; a segment ends at its final transcript. Typed text is not echoed (the frontend
 * shows what it sent on lk.chat).
 * Agent: deltas of a speech go into one open stream (segment id = speech id, final 'false').
 * Its assistant_message closes that stream; once all its messages are in (a speech with tool
 * rounds has one per round, sent together) one more stream of the same segment carries final
 * 'true' and the text as heard, rounds joined by a space, so an interrupted reply ends with the
 * truncated text (frontends replace a segment's text with the latest stream of that segment id).
 * Writes run one at a time in event order.
 */
export class TranscriptionOutput {
  private chain: Promise<void> = Promise.resolve();
  private userSegment: string | null = null;
  private agent: AgentSegment | null = null;
  private readonly newSegmentId: () => string;

  constructor(private readonly options: TranscriptionOutputOptions) {
    this.newSegmentId = options.newSegmentId ?? userSegmentId;
  }

  /** Turns one session event into text-stream writes (events of other types are ignored). */
  handle(event: SessionEvent): void {
    const moreOfSpeech = event.type === 'assistant_message' && event.speechId === this.agent?.speechId;
    if (!moreOfSpeech) this.sendAgentFinal();
    switch (event.type) {
      case 'transcript':
        if (event.source === 'speech') this.userTranscript(event.text, event.final);
        break;
      case 'assistant_text_delta':
        this.agentDelta(event.speechId, event.delta);
        break;
      case 'assistant_message':
        this.agentMessage(event.speechId, event.text);
        break;
      case 'session_ended':
        this.closeAgentStream();
        break;
      default:
        break;
    }
  }

  /** Ends any open stream; resolves once every write so far is done. */
  async close(): Promise<void> {
    this.sendAgentFinal();
    this.closeAgentStream();
    await this.chain;
  }

  private userTranscript(text: string, final: boolean): void {
    const caller = this.options.callerIdentity();
    if (!caller) return;
    if (text) {
      this.userSegment ??= this.newSegmentId();
      const attributes = this.attributes(this.userSegment, final, this.options.callerTrackSid);
      this.run(() => this.sendWhole(attributes, text, caller));
    }
    if (final) this.userSegment = null;
  }

  private agentDelta(speechId: string, delta: string): void {
    const segment = this.agentSegment(speechId);
    // Text after the speech's message would reopen a finished segment: drop it.
    if (!delta || segment.heard !== null) return;
    this.run(async () => {
      segment.writer ??= await this.options.streams.streamText({
        topic: TOPIC_TRANSCRIPTION,
        attributes: this.attributes(speechId, false, this.options.agentTrackSid)(),
      });
      await segment.writer.write(delta);
    });
  }

  private agentMessage(speechId: string, text: string): void {
    const segment = this.agentSegment(speechId);
    this.closeAgentStream();
    // A speech with tool calls has one message per LLM round: the segment shows them all.
    segment.heard = segment.heard && text ? `${segment.heard} ${text}` : segment.heard || text;
    segment.finalPending = true;
  }

  /** Sends the owed final of the current agent segment, once. */
  private sendAgentFinal(): void {
    const segment = this.agent;
    if (!segment?.finalPending) return;
    segment.finalPending = false;
    const heard = segment.heard;
    if (!heard) return;
    const attributes = this.attributes(segment.speechId, true, this.options.agentTrackSid);
    this.run(() => this.sendWhole(attributes, heard));
  }

  /** The segment of `speechId`, closing the stream of any earlier speech (e.g. one interrupted before it was heard). */
  private agentSegment(speechId: string): AgentSegment {
    if (this.agent?.speechId !== speechId) {
      this.closeAgentStream();
      this.agent = { speechId, writer: null, heard: null, finalPending: false };
    }
    return this.agent;
  }

  private closeAgentStream(): void {
    const segment = this.agent;
    if (!segment) return;
    this.run(async () => {
      const writer = segment.writer;
      segment.writer = null;
      await writer?.close();
    });
  }

  private attributes(
    segmentId: string,
    final: boolean,
    trackSid: () => string | undefined,
  ): () => Record<string, string> {
    // Read when the write runs: the track sid may only be known by then.
    return () => {
      const attributes: Record<string, string> = {
        [ATTRIBUTE_SEGMENT_ID]: segmentId,
        [ATTRIBUTE_TRANSCRIPTION_FINAL]: final ? 'true' : 'false',
      };
      const sid = trackSid();
      if (sid) attributes[ATTRIBUTE_TRANSCRIBED_TRACK_ID] = sid;
      return attributes;
    };
  }

  private async sendWhole(
    attributes: () => Record<string, string>,
    text: string,
    senderIdentity?: string,
  ): Promise<void> {
    const writer = await this.options.streams.streamText({
      topic: TOPIC_TRANSCRIPTION,
      attributes: attributes(),
      ...(senderIdentity ? { senderIdentity } : {}),
    });
    await writer.write(text);
    await writer.close();
  }

  private run(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch((error: unknown) => {
      this.options.log.warn('cannot publish a transcript', { error: String(error) });
    });
  }
}
