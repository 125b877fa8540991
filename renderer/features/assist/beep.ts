/**
 * A short two-tone alarm through WebAudio (no sound file to ship). A browser may keep audio suspended until the
 * page has had a user gesture; then the banner alone is the notice, and the next beep after a click sounds.
 */
let context: AudioContext | null = null;

export function beep(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const start = context.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.25, 660]] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.22);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.23);
    }
  } catch {
    // No audio device: the banner stays the notice.
  }
}
