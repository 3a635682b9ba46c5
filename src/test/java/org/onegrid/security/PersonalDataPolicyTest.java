package org.onegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataPolicyTest {

    @Test
    void aMaskedPhoneShowsAtMostItsFirstThreeAndLastFourDigitsAndAShortNumberOnlyItsLastFour() {
        assertThat(PersonalDataPolicy.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalDataPolicy.maskPhone("0518-85812345")).isEqualTo("051*****2345");
        assertThat(PersonalDataPolicy.maskPhone("85812345")).isEqualTo("****2345");
        assertThat(PersonalDataPolicy.maskPhone("8581234")).isEqualTo("***1234");
        assertThat(PersonalDataPolicy.maskPhone("12345")).isEqualTo("***45");
        assertThat(PersonalDataPolicy.maskPhone("12")).isEqualTo("**");
        assertThat(PersonalDataPolicy.maskPhone("")).isEmpty();
    }

    @Test
    void aMaskedNameKeepsOnlyItsFirstCharacter() {
        assertThat(PersonalDataPolicy.maskName("王先生")).isEqualTo("王**");
        assertThat(PersonalDataPolicy.maskName("李")).isEqualTo("李*");
    }
}
