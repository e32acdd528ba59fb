package org.onestop.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressMaskingTests {

    @Test
    void maskWhenFullAddressThenDistrictRoadAndCompoundKeptAndNumbersMasked() {
        MaskedText masked = PersonalDataMasker.mask("我家住在市南区香港中路88号金茂小区3号楼2单元301室，楼道灯坏了。");

        assertThat(masked.text()).isEqualTo("我家住在市南区香港中路**号金茂小区*号楼*单元***室，楼道灯坏了。");
        assertThat(masked.findings()).extracting(Finding::kind)
                .containsExactly(PersonalDataKind.ADDRESS, PersonalDataKind.ADDRESS);
    }

    @Test
    void maskWhenHouseNumberAfterRoadThenMasked() {
        assertThat(PersonalDataMasker.mask("住址：延安三路12-1号").text()).isEqualTo("住址：延安三路**-*号");
        assertThat(PersonalDataMasker.mask("南京东路 235号门口").text()).isEqualTo("南京东路 ***号门口");
    }

    @Test
    void maskWhenHouseNumberInVillageThenMasked() {
        assertThat(PersonalDataMasker.mask("我是城阳区王家村56号的村民").text()).isEqualTo("我是城阳区王家村**号的村民");
    }

    @Test
    void maskWhenBareRoomNumberAfterUnitThenMasked() {
        assertThat(PersonalDataMasker.mask("幸福花园5栋1单元1502，一直漏水").text()).isEqualTo("幸福花园*栋*单元****，一直漏水");
    }

    @Test
    void maskWhenBuildingUnitRoomWrittenWithHyphensAfterCompoundThenMasked() {
        assertThat(PersonalDataMasker.mask("我家在金茂小区3-2-301，").text()).isEqualTo("我家在金茂小区*-*-***，");
    }

    @Test
    void maskWhenChineseNumeralsThenMasked() {
        assertThat(PersonalDataMasker.mask("住在十三号楼二单元").text()).isEqualTo("住在**号楼*单元");
    }

    @Test
    void maskWhenLetteredTowerAndRoomThenMasked() {
        assertThat(PersonalDataMasker.mask("国际大厦A座1502室").text()).isEqualTo("国际大厦*座****室");
    }

    @Test
    void maskWhenRoomNumberAloneThenMasked() {
        assertThat(PersonalDataMasker.mask("请送到502室").text()).isEqualTo("请送到***室");
    }

    @Test
    void maskWhenFullWidthHouseNumberThenMaskedAndOtherCharactersKept() {
        assertThat(PersonalDataMasker.mask("香港中路８８号　３号楼").text()).isEqualTo("香港中路**号　*号楼");
    }

    @Test
    void maskWhenPlaceWithoutHouseNumberThenUnchanged() {
        String text = "市南区香港中路沿线的金茂小区、王家村一带路灯不亮。";

        assertThat(PersonalDataMasker.mask(text).text()).isEqualTo(text);
    }
}
