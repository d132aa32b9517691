/** The minerals insight's colours per theme: bars, the bloc, China, the rest of the world. Pure. */
import { BASE_PALETTE, MINERAL_COLOURS, PACT_COLOURS, type Theme } from "../model/palette.ts";

export interface InsightColours {
  bar: string;
  blocBar: string;
  china: string;
  bloc: string;
  rest: string;
  text: string;
}

export function insightColours(theme: Theme): InsightColours {
  const pact = PACT_COLOURS[theme];
  return {
    bar: MINERAL_COLOURS[theme]["class-3"] ?? "",
    blocBar: pact.ministerial ?? "",
    china: pact.china ?? "",
    bloc: pact.ministerial ?? "",
    rest: BASE_PALETTE[theme].border,
    text: BASE_PALETTE[theme].text,
  };
}
