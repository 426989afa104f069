/** cross.*: the 预算 tables against each other (src/core/rules/cross-identities.ts). */
import { CROSS_RULES } from "../../../src/core/rules/cross-identities";
import { FIXTURE_NAMES } from "../../helpers/fixtures";
import { describeFamily, namedBooks } from "./family";

describeFamily("cross-identities", CROSS_RULES, () => namedBooks([...FIXTURE_NAMES]));
