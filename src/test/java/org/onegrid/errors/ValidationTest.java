package org.onegrid.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    void invisibleAndBidiControlCharactersAreStrippedFromText() {
        Validation v = new Validation();
        assertThat(v.requiredText("title", "\u202E路灯\u200B不亮\u2066\uFEFF ", 200)).isEqualTo("路灯不亮");
        assertThat(v.requiredText("title", "👨\u200D👩\u200D👧 一家人", 200)).as("emoji joiners stay").isEqualTo("👨\u200D👩\u200D👧 一家人");
        assertThat(v.ok()).isTrue();
    }

    @Test
    void controlCharactersOtherThanLineBreaksAndTabsAreRefusedNamingTheField() {
        Validation v = new Validation();
        v.requiredText("description", "第一行\n第二行\t好", 4000);
        assertThat(v.ok()).isTrue();
        v.requiredText("title", "红色\u001b[31m", 200);
        v.optionalText("reporterName", "王\u0000", 100);
        assertThatThrownBy(v::throwIfInvalid).isInstanceOf(ApiProblemException.class)
                .satisfies(e -> assertThat(((ApiProblemException) e).errors()).extracting(FieldProblem::field)
                        .containsExactly("title", "reporterName"));
    }

    @Test
    void textOfOnlyInvisibleCharactersIsEmpty() {
        Validation v = new Validation();
        assertThat(v.requiredText("title", "\u202E\u200B", 200)).isNull();
        assertThat(v.ok()).isFalse();
    }

    @Test
    void aDateInARequestMustLieInTheYears1900To2199() {
        Validation.requireYear("from", 1900);
        Validation.requireYear("from", 2199);
        assertThatThrownBy(() -> Validation.requireYear("from", 1899)).isInstanceOf(ApiProblemException.class)
                .hasMessageContaining("1900 to 2199");
        assertThatThrownBy(() -> Validation.requireYear("month", 2200))
                .satisfies(e -> assertThat(((ApiProblemException) e).errors().get(0).field()).isEqualTo("month"));
        Validation v = new Validation();
        v.moment("to", java.time.Instant.parse("+999999999-12-31T23:59:59Z"));
        assertThat(v.ok()).isFalse();
    }

    @Test
    void aMobileIsElevenDigitsFrom13To19AndAPhoneIsFiveToTwentyDigitsSpacesPlusAndMinus() {
        org.assertj.core.api.Assertions.assertThat(Validation.isMobile("13912345678")).isTrue();
        org.assertj.core.api.Assertions.assertThat(Validation.isMobile("12912345678")).isFalse();
        org.assertj.core.api.Assertions.assertThat(Validation.isMobile("1391234567")).isFalse();
        org.assertj.core.api.Assertions.assertThat(Validation.isPhone("0518-85551234")).isTrue();
        org.assertj.core.api.Assertions.assertThat(Validation.isPhone("+86 139 1234 5678")).isTrue();
        org.assertj.core.api.Assertions.assertThat(Validation.isPhone("1234")).isFalse();
        org.assertj.core.api.Assertions.assertThat(Validation.isPhone("call me")).isFalse();
        Validation v = new Validation();
        v.phone("phone", " ");
        v.mobile("mobile", null);
        org.assertj.core.api.Assertions.assertThat(v.ok()).as("blank or absent is none").isTrue();
        v.mobile("mobile", "0518-1234");
        org.assertj.core.api.Assertions.assertThat(v.ok()).isFalse();
    }
}
