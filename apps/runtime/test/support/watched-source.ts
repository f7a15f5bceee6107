import { type AudioFrame, AudioSource } from '@livekit/rtc-node';

/**
 * A real AudioSource that notes (performance.now()) when the first frame after `arm()` reached
 * it; with `audible`, the first frame holding any non-zero sample.
 */
export class WatchedSource extends AudioSource {
  firstCaptureAt: number | null = null;
  private armed = false;
  private audibleOnly = false;

  arm({ audible = false }: { audible?: boolean } = {}): void {
    this.armed = true;
    this.audibleOnly = audible;
    this.firstCaptureAt = null;
  }

  override async captureFrame(frame: AudioFrame): Promise<void> {
    const counts = !this.audibleOnly || frame.data.some((s) => s !== 0);
    if (this.armed && this.firstCaptureAt === null && counts) this.firstCaptureAt = performance.now();
    return super.captureFrame(frame);
  }
}
