/** final.* inside one 决算 table (src/core/rules/final-identities.ts). */
import { FINAL_RULES } from "../../../src/core/rules/final-identities";
import { ministryFinalSet } from "../final/ministry-set";
import { describeFamily, namedBooks } from "./family";

// No fixture or built 决算 set has a 结转结余 split in its 收入支出决算总表, a 合计 row of classes in its 基本支出决算表
// or a 三公 table by rows (小计, 因公出国(境)费 parts): those four are not exercised yet.
describeFamily("final-identities", FINAL_RULES, () => namedBooks(["shanghai-putuo-social-work-final-2024"], [["ministry", ministryFinalSet()]]), [
  "final.summary-carry-split",
  "final.basic-total",
  "final.three-public-subtotal",
  "final.three-public-abroad",
]);
