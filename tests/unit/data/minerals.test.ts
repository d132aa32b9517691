/**
 * One test per mineral: every table's top producer, top share, top-3 share, HHI and row sum match the
 * dossier's minerals_concentration.csv (../shared/sources), copied here as literals, to its precision
 * of 4 decimals. A table with no numeric world total (only a bound, or not published) has none.
 */
import { describe, expect, it } from "vitest";
import { freshDataset } from "./fresh.ts";

/** [stage, year, source, top iso3, top share, top-3 share, HHI (0–1), row sum, top ties] */
type Expected = [
  string,
  number,
  string,
  string | null,
  number | null,
  number | null,
  number | null,
  number | null,
  string[]?,
];

const EXPECTED: Record<string, Expected[]> = {
  lithium: [
    ["mine", 2023, "usgs-mcs2025", "AUS", 0.4495, 0.8275, 0.2821, 0.9996],
    ["mine", 2024, "usgs-mcs2025", "AUS", 0.3667, 0.7417, 0.2215, 0.9808],
    ["mine", 2024, "usgs-mcs2026", "AUS", 0.3725, 0.7793, 0.2366, 1.0044],
    ["mine", 2025, "usgs-mcs2026", "AUS", 0.3172, 0.7241, 0.2024, 0.9944],
    ["refining", 2024, "iea-cmd-2025", "CHN", 0.7023, 0.9608, 0.5381, 1.0],
    ["reserves", 2024, "usgs-mcs2025", "CHL", 0.31, 0.6767, 0.184, 1.0015],
    ["reserves", 2025, "usgs-mcs2026", "CHL", 0.2486, 0.6, 0.1595, 0.9857],
  ],
  cobalt: [
    ["mine", 2023, "usgs-mcs2025", "COD", 0.7353, 0.8517, 0.5503, 0.9998],
    ["mine", 2024, "usgs-mcs2025", "COD", 0.7586, 0.8852, 0.5867, 0.9938],
    ["mine", 2024, "usgs-mcs2026", "COD", 0.7483, 0.8907, 0.575, 0.9986],
    ["mine", 2025, "usgs-mcs2026", "COD", 0.7419, 0.9087, 0.572, 1.0148],
    ["refining", 2024, "iea-cmd-2025", "CHN", 0.7841, 0.8871, 0.622, 1.0],
    ["reserves", 2024, "usgs-mcs2025", "COD", 0.5455, 0.7582, 0.3286, 0.9721],
    ["reserves", 2025, "usgs-mcs2026", "COD", 0.5, 0.7083, 0.2815, 0.9604],
  ],
  nickel: [
    ["mine", 2023, "usgs-mcs2025", "IDN", 0.5413, 0.7131, 0.317, 0.9995],
    ["mine", 2024, "usgs-mcs2025", "IDN", 0.5946, 0.7405, 0.3706, 0.9878],
    ["mine", 2024, "usgs-mcs2026", "IDN", 0.6226, 0.7733, 0.4039, 0.9989],
    ["mine", 2025, "usgs-mcs2026", "IDN", 0.6667, 0.7872, 0.4559, 0.9962],
    ["refining", 2024, "iea-cmd-2025", "IDN", 0.4286, 0.778, 0.285, 1.0325],
    ["reserves", 2024, "usgs-mcs2025", null, null, null, null, null],
    ["reserves", 2025, "usgs-mcs2026", null, null, null, null, null],
  ],
  graphite: [
    ["mine", 2023, "usgs-mcs2025", "CHN", 0.7908, 0.8982, 0.6337, 1.0018],
    ["mine", 2024, "usgs-mcs2025", "CHN", 0.7937, 0.8962, 0.6381, 1.0192],
    ["mine", 2024, "usgs-mcs2026", "CHN", 0.8194, 0.9116, 0.6771, 1.0004],
    ["mine", 2025, "usgs-mcs2026", "CHN", 0.7778, 0.8639, 0.6114, 0.9738],
    ["refining", 2024, "iea-cmd-2025", "CHN", 0.9571, 0.9817, 0.9166, 1.0],
    ["reserves", 2024, "usgs-mcs2025", "CHN", 0.2793, 0.6276, 0.1686, 0.9624],
    ["reserves", 2025, "usgs-mcs2026", "CHN", 0.3226, 0.6484, 0.1833, 0.9616],
  ],
  "rare-earths": [
    ["mine", 2023, "usgs-mcs2025", "CHN", 0.6782, 0.9032, 0.4877, 1.0002],
    ["mine", 2024, "usgs-mcs2025", "CHN", 0.6923, 0.8872, 0.5024, 1.0101],
    ["mine", 2024, "usgs-mcs2026", "CHN", 0.7105, 0.9066, 0.5302, 1.0105],
    ["mine", 2025, "usgs-mcs2026", "CHN", 0.6923, 0.8974, 0.5054, 0.9982],
    ["refining", 2024, "iea-cmd-2025", "CHN", 0.9128, 0.9695, 0.8353, 1.0],
    ["reserves", 2024, "usgs-mcs2025", null, null, null, null, null],
    ["reserves", 2025, "usgs-mcs2026", null, null, null, null, null],
  ],
  copper: [
    ["mine", 2023, "usgs-mcs2025", "CHL", 0.2323, 0.4841, 0.1028, 0.9981],
    ["mine", 2024, "usgs-mcs2025", "CHL", 0.2304, 0.487, 0.1035, 0.9843],
    ["mine", 2024, "usgs-mcs2026", "CHL", 0.2396, 0.4887, 0.106, 0.9992],
    ["mine", 2025, "usgs-mcs2026", "CHL", 0.2304, 0.487, 0.1037, 1.0006],
    ["refining", 2023, "usgs-mcs2025", "CHN", 0.4444, 0.6019, 0.2187, 0.9989],
    ["refining", 2024, "iea-cmd-2025", "CHN", 0.4402, 0.5717, 0.2045, 1.0],
    ["refining", 2024, "usgs-mcs2025", "CHN", 0.4444, 0.6074, 0.2201, 1.0078],
    ["refining", 2024, "usgs-mcs2026", "CHN", 0.4493, 0.6123, 0.224, 1.0],
    ["refining", 2025, "usgs-mcs2026", "CHN", 0.4828, 0.6379, 0.2532, 0.999],
    ["reserves", 2024, "usgs-mcs2025", "CHL", 0.1939, 0.398, 0.0813, 0.9974],
    ["reserves", 2025, "usgs-mcs2026", "CHL", 0.1837, 0.3724, 0.0745, 1.0002],
  ],
  gallium: [
    ["refining", 2023, "usgs-mcs2025", "CHN", 0.981, 0.9953, 0.9626, 1.0],
    ["refining", 2024, "usgs-mcs2025", "CHN", 0.9868, 0.9987, 0.974, 1.0026],
    ["refining", 2024, "usgs-mcs2026", "CHN", 0.9894, 1.0, 0.9789, 1.0],
    ["refining", 2025, "usgs-mcs2026", "CHN", 1.0, 1.01, 1.0, 1.01],
  ],
  antimony: [
    ["mine", 2023, "usgs-mcs2025", "CHN", 0.5877, 0.8708, 0.3898, 1.0011],
    ["mine", 2024, "usgs-mcs2025", "CHN", 0.6, 0.9, 0.41, 1.0396],
    ["mine", 2024, "usgs-mcs2026", "CHN", 0.3361, 0.8571, 0.2644, 0.9999, ["RUS"]],
    ["mine", 2025, "usgs-mcs2026", "CHN", 0.3636, 0.8545, 0.2616, 1.0065],
    ["reserves", 2024, "usgs-mcs2025", null, null, null, null, null],
    ["reserves", 2025, "usgs-mcs2026", null, null, null, null, null],
  ],
  tungsten: [
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: a published HHI, not ln 2
    ["mine", 2023, "usgs-mcs2025", "CHN", 0.8302, 0.8994, 0.693, 1.0],
    ["mine", 2024, "usgs-mcs2025", "CHN", 0.8272, 0.8938, 0.688, 1.0049],
    ["mine", 2024, "usgs-mcs2026", "CHN", 0.8171, 0.8817, 0.6712, 0.9952],
    ["mine", 2025, "usgs-mcs2026", "CHN", 0.7882, 0.8518, 0.6255, 1.0016],
    ["reserves", 2024, "usgs-mcs2025", "CHN", 0.5217, 0.7326, 0.2963, 0.9931],
    ["reserves", 2025, "usgs-mcs2026", null, null, null, null, null],
  ],
  manganese: [
    ["mine", 2023, "usgs-mcs2025", "ZAF", 0.3724, 0.7474, 0.2188, 0.9978],
    ["mine", 2024, "usgs-mcs2025", "ZAF", 0.37, 0.74, 0.2158, 0.9925],
    ["mine", 2024, "usgs-mcs2026", "ZAF", 0.4005, 0.7342, 0.2386, 1.0009],
    ["mine", 2025, "usgs-mcs2026", "ZAF", 0.38, 0.73, 0.228, 1.007],
    ["reserves", 2024, "usgs-mcs2025", "ZAF", 0.3294, 0.7882, 0.2491, 1.0106],
    ["reserves", 2025, "usgs-mcs2026", "AUS", 0.3412, 0.8412, 0.2774, 1.0576],
  ],
  platinum: [
    ["mine", 2023, "usgs-mcs2025", "ZAF", 0.6983, 0.9229, 0.514, 1.0007],
    ["mine", 2024, "usgs-mcs2025", "ZAF", 0.7059, 0.9235, 0.523, 0.9929],
    ["mine", 2024, "usgs-mcs2026", "ZAF", 0.7039, 0.9296, 0.5225, 0.9998],
    ["mine", 2025, "usgs-mcs2026", "ZAF", 0.7059, 0.9294, 0.5243, 0.9924],
  ],
  palladium: [
    ["mine", 2023, "usgs-mcs2025", "RUS", 0.4183, 0.8558, 0.3189, 1.0019],
    ["mine", 2024, "usgs-mcs2025", "RUS", 0.3947, 0.8526, 0.3137, 0.9958],
    ["mine", 2024, "usgs-mcs2026", "RUS", 0.4101, 0.8691, 0.3264, 0.9994],
    ["mine", 2025, "usgs-mcs2026", "RUS", 0.4421, 0.8947, 0.3456, 1.0216],
  ],
  "platinum-group-metals": [
    ["reserves", 2024, "usgs-mcs2025", "ZAF", 0.7778, 0.9901, 0.6443, 1.0041],
    ["reserves", 2025, "usgs-mcs2026", null, null, null, null, null],
  ],
  tin: [
    ["mine", 2023, "usgs-mcs2025", "CHN", 0.2295, 0.5672, 0.1435, 1.0009],
    ["mine", 2024, "usgs-mcs2025", "CHN", 0.23, 0.51, 0.1279, 0.985],
    ["mine", 2024, "usgs-mcs2026", "CHN", 0.2415, 0.5384, 0.1355, 1.0026],
    ["mine", 2025, "usgs-mcs2026", "CHN", 0.2448, 0.569, 0.1436, 1.0038],
    ["reserves", 2024, "usgs-mcs2025", "CHN", 0.2381, 0.5524, 0.1391, 0.996],
    ["reserves", 2025, "usgs-mcs2026", null, null, null, null, null],
  ],
  vanadium: [
    ["mine", 2023, "usgs-mcs2025", "CHN", 0.6731, 0.9487, 0.4997, 1.0009],
    ["mine", 2024, "usgs-mcs2025", "CHN", 0.7, 0.98, 0.5389, 1.03],
    ["mine", 2024, "usgs-mcs2026", "CHN", 0.7119, 0.9581, 0.545, 1.002],
    ["mine", 2025, "usgs-mcs2026", "CHN", 0.7455, 0.9845, 0.5965, 1.03],
    ["reserves", 2024, "usgs-mcs2025", "AUS", 0.4722, 0.9778, 0.3527, 1.0108],
    ["reserves", 2025, "usgs-mcs2026", "AUS", 0.4762, 0.9905, 0.3604, 1.0221],
  ],
  "titanium-ilmenite": [
    ["mine", 2023, "usgs-mcs2025", "CHN", 0.3676, 0.7206, 0.208, 1.0],
    ["mine", 2024, "usgs-mcs2025", "CHN", 0.3708, 0.7303, 0.2123, 1.0011],
    ["mine", 2024, "usgs-mcs2026", "CHN", 0.3301, 0.6764, 0.1837, 1.0005],
    ["mine", 2025, "usgs-mcs2026", "CHN", 0.3404, 0.6809, 0.1897, 0.9968],
    ["reserves", 2024, "usgs-mcs2025", "AUS", 0.3529, 0.6686, 0.1938, 1.0057],
    ["reserves", 2025, "usgs-mcs2026", null, null, null, null, null],
  ],
  "titanium-rutile": [
    ["mine", 2023, "usgs-mcs2025", "AUS", 0.339, 0.6949, 0.2113, 1.0034],
    ["mine", 2024, "usgs-mcs2025", "AUS", 0.4444, 0.8, 0.2741, 1.0],
    ["mine", 2024, "usgs-mcs2026", "AUS", 0.4348, 0.8304, 0.2778, 1.0065],
    ["mine", 2025, "usgs-mcs2026", "AUS", 0.4444, 0.9111, 0.3085, 1.0044],
    ["reserves", 2024, "usgs-mcs2025", "AUS", 0.7609, 0.9565, 0.6009, 0.9985],
    ["reserves", 2025, "usgs-mcs2026", null, null, null, null, null],
  ],
  "titanium-sponge": [
    ["refining", 2023, "usgs-mcs2025", "CHN", 0.6875, 0.9281, 0.5114, 1.0072],
    ["refining", 2024, "usgs-mcs2025", "CHN", 0.6875, 0.9219, 0.5102, 1.0134],
    ["refining", 2024, "usgs-mcs2026", "CHN", 0.6737, 0.9105, 0.4877, 0.9982],
    ["refining", 2025, "usgs-mcs2026", "CHN", 0.7027, 0.9135, 0.5218, 0.99],
  ],
  "silicon-metal": [
    ["refining", 2023, "usgs-mcs2025", "CHN", 0.8481, 0.9227, 0.7232, 1.0],
    ["refining", 2024, "usgs-mcs2025", "CHN", 0.8478, 0.9152, 0.722, 1.0],
    ["refining", 2024, "usgs-mcs2026", "CHN", 0.8727, 0.9327, 0.7641, 0.9976],
    ["refining", 2025, "usgs-mcs2026", "CHN", 0.8696, 0.937, 0.7589, 0.9978],
  ],
  ferrosilicon: [
    ["refining", 2023, "usgs-mcs2025", "CHN", 0.7013, 0.8291, 0.5044, 1.0],
    ["refining", 2024, "usgs-mcs2025", "CHN", 0.6863, 0.8176, 0.4843, 1.0],
    ["refining", 2024, "usgs-mcs2026", "CHN", 0.6783, 0.8053, 0.4736, 0.9996],
    ["refining", 2025, "usgs-mcs2026", "CHN", 0.7, 0.818, 0.5011, 0.9936],
  ],
  bauxite: [
    ["mine", 2023, "usgs-mcs2025", "GIN", 0.2808, 0.726, 0.192, 1.0011],
    ["mine", 2024, "usgs-mcs2025", "GIN", 0.2889, 0.7178, 0.1899, 1.0009],
    ["mine", 2024, "usgs-mcs2026", "GIN", 0.3318, 0.7535, 0.2107, 1.0004],
    ["mine", 2025, "usgs-mcs2026", "GIN", 0.3409, 0.7591, 0.2141, 1.0022],
    ["reserves", 2024, "usgs-mcs2025", "GIN", 0.2552, 0.4828, 0.1153, 1.0055],
    ["reserves", 2025, "usgs-mcs2026", "GIN", 0.2552, 0.4897, 0.1127, 0.9841],
  ],
  alumina: [
    ["refining", 2023, "usgs-mcs2025", "CHN", 0.5844, 0.7957, 0.3699, 0.9965],
    ["refining", 2024, "usgs-mcs2025", "CHN", 0.5915, 0.7958, 0.3765, 0.9999],
    ["refining", 2024, "usgs-mcs2026", "CHN", 0.6021, 0.7972, 0.3874, 0.9989],
    ["refining", 2025, "usgs-mcs2026", "CHN", 0.62, 0.8067, 0.4071, 1.002],
  ],
  aluminium: [
    ["refining", 2023, "usgs-mcs2025", "CHN", 0.5943, 0.7057, 0.3649, 1.0],
    ["refining", 2024, "usgs-mcs2025", "CHN", 0.5972, 0.7083, 0.3682, 0.9947],
    ["refining", 2024, "usgs-mcs2026", "CHN", 0.6044, 0.7154, 0.3768, 1.0004],
    ["refining", 2025, "usgs-mcs2026", "CHN", 0.6081, 0.7176, 0.381, 1.0028],
  ],
  zinc: [
    ["mine", 2023, "usgs-mcs2025", "CHN", 0.3355, 0.5471, 0.1504, 0.9969],
    ["mine", 2024, "usgs-mcs2025", "CHN", 0.3333, 0.5333, 0.1476, 0.9967],
    ["mine", 2024, "usgs-mcs2026", "CHN", 0.3361, 0.5353, 0.1504, 1.0029],
    ["mine", 2025, "usgs-mcs2026", "CHN", 0.3154, 0.5154, 0.1343, 0.9646],
    ["reserves", 2024, "usgs-mcs2025", "AUS", 0.2783, 0.6043, 0.15, 1.0191],
    ["reserves", 2025, "usgs-mcs2026", "AUS", 0.2667, 0.6375, 0.1617, 1.0033],
  ],
  molybdenum: [
    ["mine", 2023, "usgs-mcs2025", "CHN", 0.3871, 0.702, 0.225, 1.0002],
    ["mine", 2024, "usgs-mcs2025", "CHN", 0.4231, 0.7269, 0.2472, 1.0138],
    ["mine", 2024, "usgs-mcs2026", "CHN", 0.3906, 0.7047, 0.2253, 0.9991],
    ["mine", 2025, "usgs-mcs2026", "CHN", 0.3731, 0.6885, 0.217, 0.9996],
    ["reserves", 2024, "usgs-mcs2025", "CHN", 0.3933, 0.7533, 0.2417, 1.0015],
    ["reserves", 2025, "usgs-mcs2026", "CHN", 0.4588, 0.8176, 0.2861, 1.0248],
  ],
  niobium: [
    ["mine", 2023, "usgs-mcs2025", "BRA", 0.9273, 0.9949, 0.8636, 1.0011],
    ["mine", 2024, "usgs-mcs2025", "BRA", 0.9091, 0.98, 0.8307, 0.9861],
    ["mine", 2024, "usgs-mcs2026", "BRA", 0.9286, 0.9985, 0.8661, 1.0049],
    ["mine", 2025, "usgs-mcs2026", "BRA", 0.9286, 0.9908, 0.8652, 0.9967],
    ["reserves", 2024, "usgs-mcs2025", null, null, null, null, null],
    ["reserves", 2025, "usgs-mcs2026", null, null, null, null, null],
  ],
  tantalum: [
    ["mine", 2023, "usgs-mcs2025", "COD", 0.451, 0.8137, 0.277, 0.998],
    ["mine", 2024, "usgs-mcs2025", "COD", 0.419, 0.7714, 0.251, 0.9933],
    ["mine", 2024, "usgs-mcs2026", "COD", 0.508, 0.8136, 0.3141, 1.0],
    ["mine", 2025, "usgs-mcs2026", "COD", 0.52, 0.836, 0.3279, 0.994],
    ["reserves", 2024, "usgs-mcs2025", null, null, null, null, null],
    ["reserves", 2025, "usgs-mcs2026", null, null, null, null, null],
  ],
  magnesium: [
    ["refining", 2023, "usgs-mcs2025", "CHN", 0.8944, 0.9411, 0.8021, 1.0],
    ["refining", 2024, "usgs-mcs2025", "CHN", 0.95, 0.99, 0.9042, 1.045],
    ["refining", 2024, "usgs-mcs2026", "CHN", 0.8824, 0.9556, 0.7826, 1.0037],
    ["refining", 2025, "usgs-mcs2026", "CHN", 0.8636, 0.9364, 0.7499, 0.9845],
  ],
  indium: [
    ["refining", 2023, "usgs-mcs2025", "CHN", 0.6765, 0.9167, 0.4951, 1.001],
    ["refining", 2024, "usgs-mcs2025", "CHN", 0.7037, 0.9259, 0.5277, 0.9972],
    ["refining", 2024, "usgs-mcs2026", "CHN", 0.6972, 0.922, 0.519, 1.0009],
    ["refining", 2025, "usgs-mcs2026", "CHN", 0.6909, 0.9136, 0.5096, 0.9918],
  ],
  bismuth: [
    ["refining", 2023, "usgs-mcs2025", "CHN", 0.821, 0.9537, 0.684, 1.0027],
    ["refining", 2024, "usgs-mcs2025", "CHN", 0.8125, 0.9437, 0.6699, 0.9938],
    ["refining", 2024, "usgs-mcs2026", "CHN", 0.8589, 0.9509, 0.7435, 0.9982],
    ["refining", 2025, "usgs-mcs2026", "CHN", 0.875, 0.9688, 0.7716, 1.0175],
  ],
  fluorspar: [
    ["mine", 2023, "usgs-mcs2025", "CHN", 0.6296, 0.8783, 0.4295, 1.0],
    ["mine", 2024, "usgs-mcs2025", "CHN", 0.6211, 0.8737, 0.42, 0.9966],
    ["mine", 2024, "usgs-mcs2026", "CHN", 0.5825, 0.868, 0.3826, 1.001],
    ["mine", 2025, "usgs-mcs2026", "CHN", 0.6, 0.9, 0.4074, 1.0235],
    ["reserves", 2024, "usgs-mcs2025", "CHN", 0.2687, 0.6094, 0.1505, 0.9912],
    ["reserves", 2025, "usgs-mcs2026", "CHN", 0.3333, 0.6636, 0.1847, 0.9991],
  ],
  uranium: [["mine", 2024, "wna-uranium-production", "KAZ", 0.3865, 0.7459, 0.2341, 1.0]],
};

const dataset = freshDataset();

/** Within half a unit of the source's 4th decimal (the source rounded the same exact ratio). */
function near(actual: number | null | undefined, expected: number | null | undefined, at: string): void {
  expect(actual, at).not.toBeNull();
  expect(Math.abs((actual ?? Number.NaN) - (expected ?? Number.NaN)), at).toBeLessThanOrEqual(0.00005 + 1e-9);
}

describe("concentration per mineral matches the source", () => {
  it.each(Object.keys(EXPECTED))("%s", (mineral) => {
    const expected = EXPECTED[mineral] ?? [];
    const tables = dataset.mineralTables.filter((t) => t.mineral === mineral);
    expect(tables.map((t) => `${t.stage} ${t.year} ${t.source}`)).toEqual(
      expected.map(([s, y, src]) => `${s} ${y} ${src}`),
    );
    tables.forEach((table, i) => {
      const [, , , top, topShare, top3, hhi, sum, ties = []] = expected[i] ?? [];
      const at = `${mineral} ${table.stage} ${table.year} ${table.source}`;
      if (top === null) {
        expect(table.top, at).toBeNull();
        expect(table.hhi, at).toBeNull();
        return;
      }
      expect(table.top?.iso3, at).toBe(top);
      expect(table.top?.tiedWith, at).toEqual(ties);
      // Recompute the unrounded ratios from the published values, independently of src/model.
      const world = table.world.value ?? Number.NaN;
      const shares = table.rows.map((r) => (r.value ?? 0) / world);
      const parts = table.rows.reduce((s, r) => s + (r.value ?? 0), table.other?.value ?? 0);
      near(shares[0], topShare, `${at} top share`);
      near((shares[0] ?? 0) + (shares[1] ?? 0) + (shares[2] ?? 0), top3, `${at} top-3 share`);
      near(
        Math.min(
          1,
          shares.reduce((s, x) => s + x * x, 0),
        ),
        hhi,
        `${at} HHI`,
      );
      near(parts / world, sum, `${at} row sum`);
      // And the stored values are those ratios to 4 decimals.
      expect(table.top?.share, at).toBe(Math.round((shares[0] ?? 0) * 1e4) / 1e4);
    });
  });

  it("germanium: no country data is published, so there is no table and the catalogue says why", () => {
    expect(dataset.mineralTables.filter((t) => t.mineral === "germanium")).toEqual([]);
    const germanium = dataset.minerals.find((m) => m.slug === "germanium");
    expect(germanium?.stages).toEqual([]);
    expect(germanium?.note).toMatch(/no country production data/i);
  });

  it("covers every mineral in the catalogue", () => {
    expect(dataset.minerals.map((m) => m.slug).sort()).toEqual([...Object.keys(EXPECTED), "germanium"].sort());
  });
});

describe("USGS codes, read one way in both editions (data/README.md)", () => {
  const dataset = freshDataset();
  const table = (mineral: string, stage: string, year: number, source: string) =>
    dataset.mineralTables.find(
      (t) => t.mineral === mineral && t.stage === stage && t.year === year && t.source === source,
    );

  it('keeps "s" rows as small, with no number and no share (graphite reserves 2025, rutile)', () => {
    const graphite = table("graphite", "reserves", 2025, "usgs-mcs2026");
    const small = graphite?.rows.filter((r) => r.flag === "small").map((r) => r.iso3);
    expect(small?.sort()).toEqual(["AUT", "DEU", "UKR", "USA"]);
    for (const r of graphite?.rows.filter((x) => x.flag === "small") ?? [])
      expect(r).toMatchObject({ value: null, share: null });
    for (const year of [2024, 2025]) {
      expect(table("titanium-rutile", "mine", year, "usgs-mcs2026")?.rows.find((r) => r.iso3 === "USA")?.flag).toBe(
        "small",
      );
    }
  });

  it('keeps "Small" as the flag of manganese reserves\' "Other countries" in both editions, and still checks the sum', () => {
    for (const [year, source] of [
      [2024, "usgs-mcs2025"],
      [2025, "usgs-mcs2026"],
    ] as const) {
      const manganese = table("manganese", "reserves", year, source);
      expect(manganese?.other).toEqual({ value: null, flag: "small", isEstimate: false });
      expect(manganese?.shareSum).not.toBeNull();
    }
  });

  it('gallium refining: the United States is zero ("—" in MCS 2026, which its metadata reads as zero), not withheld', () => {
    for (const year of [2024, 2025]) {
      const gallium = table("gallium", "refining", year, "usgs-mcs2026");
      const usa = gallium?.rows.find((r) => r.iso3 === "USA");
      expect(usa).toMatchObject({ value: 0, flag: null });
      expect(gallium?.rows.find((r) => r.iso3 === "RUS")?.value).toBe(6000);
    }
    // MCS 2025 left the US row blank: no value, no reason, so no US row.
    expect(table("gallium", "refining", 2024, "usgs-mcs2025")?.rows.some((r) => r.iso3 === "USA")).toBe(false);
  });

  it('writes USGS "—" as zero where the edition prints it (MCS 2026)', () => {
    const zeros = dataset.mineralTables.filter((t) => t.rows.some((r) => r.value === 0));
    expect(new Set(zeros.map((t) => t.source))).toEqual(new Set(["usgs-mcs2026", "iea-cmd-2025"]));
  });
});
