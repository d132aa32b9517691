/**
 * The timeline: a date slider over every day from the first record to the latest, play/pause,
 * and steps from event to event. Keyboard: the slider's arrows move a day, PageUp/PageDown a month.
 */

import { h, setChildren } from "../dom.ts";
import { formatDate } from "../model/format.ts";
import { addDays, daysBetween, nextEvent, previousEvent, type Timeline } from "../model/timeline.ts";

export interface TimelineControl {
  render(date: string): void;
  stop(): void;
}

export function mountTimeline(
  el: HTMLElement,
  timeline: Timeline,
  onDate: (date: string) => void,
  reducedMotion: () => boolean,
): TimelineControl {
  const total = daysBetween(timeline.start, timeline.end);
  const slider = h("input", {
    type: "range",
    min: "0",
    max: String(total),
    step: "1",
    class: "timeline-slider",
    "aria-label": "Timeline date",
  });
  const label = h("output", { class: "timeline-date", "aria-hidden": "true" });
  const play = h("button", { type: "button", class: "timeline-play", "aria-label": "Play the timeline" }, "▶");
  const previous = h("button", { type: "button", "aria-label": "Previous event" }, "⏮");
  const next = h("button", { type: "button", "aria-label": "Next event" }, "⏭");
  const ticks = h(
    "div",
    { class: "timeline-ticks", "aria-hidden": "true" },
    ...timeline.events.map((d) =>
      h("span", { class: "tick", style: `left:${(100 * daysBetween(timeline.start, d)) / Math.max(1, total)}%` }),
    ),
  );
  setChildren(
    el,
    h("div", { class: "timeline-buttons" }, previous, play, next),
    h("div", { class: "timeline-track" }, slider, ticks),
    label,
  );

  let current = timeline.end;
  let timer: number | null = null;
  const stop = () => {
    if (timer !== null) window.clearInterval(timer);
    timer = null;
    play.textContent = "▶";
    play.setAttribute("aria-label", "Play the timeline");
  };
  const start = () => {
    // From the start when at the end; step by event (reduced motion) or by week (smooth).
    if (current >= timeline.end) onDate(timeline.start);
    play.textContent = "⏸";
    play.setAttribute("aria-label", "Pause the timeline");
    timer = window.setInterval(
      () => {
        const target = reducedMotion() ? nextEvent(timeline, current) : addDays(current, 7);
        const clamped = target > timeline.end ? timeline.end : target;
        onDate(clamped);
        if (clamped >= timeline.end) stop();
      },
      reducedMotion() ? 1200 : 120,
    );
  };
  play.addEventListener("click", () => (timer === null ? start() : stop()));
  previous.addEventListener("click", () => {
    stop();
    onDate(previousEvent(timeline, current));
  });
  next.addEventListener("click", () => {
    stop();
    onDate(nextEvent(timeline, current));
  });
  slider.addEventListener("input", () => {
    stop();
    onDate(addDays(timeline.start, Number(slider.value)));
  });

  return {
    render(date) {
      current = date;
      slider.value = String(daysBetween(timeline.start, date));
      slider.setAttribute("aria-valuetext", formatDate(date));
      label.textContent = formatDate(date);
    },
    stop,
  };
}
