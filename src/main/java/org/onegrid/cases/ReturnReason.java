package org.onegrid.cases;

import java.util.List;
import org.onegrid.errors.ApiProblemException;

/** Why a unit hands a case back (退单理由). */
public enum ReturnReason {
    /** 职能不符 */
    NOT_OUR_FUNCTION,
    /** 属地不符 */
    NOT_OUR_TERRITORY,
    /** 权属不清 */
    UNCLEAR_OWNERSHIP;

    /** The reason a request names, by its name; a missing or unknown one is refused with the field. */
    static ReturnReason parse(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiProblemException.invalid("reason", "is required: one of " + List.of(values()));
        }
        try {
            return valueOf(reason.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.invalid("reason", "must be one of " + List.of(values()));
        }
    }
}
