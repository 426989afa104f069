/** final.* across 决算 tables (src/core/rules/final-cross.ts). */
import { FINAL_CROSS_RULES } from "../../../src/core/rules/final-cross";
import { ministryFinalSet } from "../final/ministry-set";
import { describeFamily, namedBooks } from "./family";

describeFamily("final-cross", FINAL_CROSS_RULES, () => namedBooks(["shanghai-putuo-social-work-final-2024"], [["ministry", ministryFinalSet()]]));
