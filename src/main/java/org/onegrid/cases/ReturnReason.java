package org.onegrid.cases;

/** Why a unit hands a case back (退单理由). */
public enum ReturnReason {
    /** 职能不符 */
    NOT_OUR_FUNCTION,
    /** 属地不符 */
    NOT_OUR_TERRITORY,
    /** 权属不清 */
    UNCLEAR_OWNERSHIP
}
