import { editDistance } from "./edit_distance";

describe("editDistance", () => {
  const cases: [string, string, number][] = [
    ["daemon", "daemon", 0],
    ["deamon", "daemon", 1],
    ["priviliged", "privileged", 1],
    ["previleged", "privileged", 1],
    ["privilged", "privileged", 1],
    ["bfp", "bpf", 1],
    ["modlue", "module", 1],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
  ];
  for (const [a, b, distance] of cases) {
    it(`is ${distance} from '${a}' to '${b}' and back`, () => {
      expect(editDistance(a, b)).toBe(distance);
      expect(editDistance(b, a)).toBe(distance);
    });
  }
});
