package org.onestop.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.Identities;
import org.onestop.servicehall.ServiceHallTestData;
import org.onestop.web.FieldProblem;
import org.onestop.web.ProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's form rules, from the definition alone: definitions are checked, then data is checked against them. */
class FormDefinitionTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static final String FORM = """
            {"sections": [{"id": "a", "title": {"zh": "申请人", "en": "Applicant"}}],
             "fields": [
              {"name": "name", "section": "a", "type": "text", "label": {"zh": "姓名"}, "required": true, "maxLength": 5},
              {"name": "idNumber", "type": "idNumber", "label": {"zh": "身份证号"}, "required": true},
              {"name": "age", "type": "number", "label": {"zh": "年龄"}, "min": 0, "max": 150, "integer": true},
              {"name": "start", "type": "date", "label": {"zh": "日期"}, "min": "today"},
              {"name": "kind", "type": "radio", "label": {"zh": "类型"}, "required": true,
               "options": [{"value": "person", "label": {"zh": "个人"}}, {"value": "org", "label": {"zh": "单位"}}]},
              {"name": "creditCode", "type": "creditCode", "label": {"zh": "信用代码"}, "required": true,
               "visibleWhen": {"field": "kind", "equals": "org"}},
              {"name": "agree", "type": "checkbox", "label": {"zh": "同意"}, "required": true}
             ],
             "materials": [{"code": "licence", "name": {"zh": "营业执照"}, "required": true, "types": ["pdf"],
                            "visibleWhen": {"field": "kind", "in": ["org"]}}]}""";

    static FormDefinition form() {
        return DefinitionParser.parse(JSON.readTree(FORM));
    }

    static List<String> problems(String data, boolean complete) {
        return FormData.check(form(), JSON.readTree(data), complete, TODAY).problems().stream()
                .map(p -> p.field() + ":" + p.code()).toList();
    }

    @Test
    void rejectsDefinitionWithUnknownFieldTypeNamingThePath() {
        String bad = FORM.replace("\"type\": \"number\"", "\"type\": \"slider\"");
        assertThatThrownBy(() -> DefinitionParser.parse(JSON.readTree(bad)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fieldProblems())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("definition.fields[2].type", "application.field_type")));
    }

    @Test
    void rejectsDefinitionWhoseConditionNamesALaterFieldOrWhoseOptionsAreMissing() {
        String forward = FORM.replace("{\"field\": \"kind\", \"equals\": \"org\"}", "{\"field\": \"agree\", \"equals\": true}");
        assertThatThrownBy(() -> DefinitionParser.parse(JSON.readTree(forward))).isInstanceOf(ProblemException.class);
        String noOptions = FORM.replace("\"options\": [{\"value\": \"person\", \"label\": {\"zh\": \"个人\"}}, "
                + "{\"value\": \"org\", \"label\": {\"zh\": \"单位\"}}]", "\"options\": []");
        assertThatThrownBy(() -> DefinitionParser.parse(JSON.readTree(noOptions))).isInstanceOf(ProblemException.class);
    }

    @Test
    void completeDataRequiresRequiredFieldsButDraftDoesNot() {
        assertThat(problems("{}", false)).isEmpty();
        assertThat(problems("{}", true)).containsExactlyInAnyOrder("data.name:application.required",
                "data.idNumber:application.required", "data.kind:application.required", "data.agree:application.required");
        assertThat(problems("{\"agree\": false}", true)).contains("data.agree:application.required");
    }

    @Test
    void conditionalFieldIsRequiredOnlyWhenShownAndItsHiddenValueIsDropped() {
        String id = Identities.idNumber();
        String person = "{\"name\": \"张三\", \"idNumber\": \"%s\", \"kind\": \"person\", \"agree\": true, \"creditCode\": \"junk\"}"
                .formatted(id);
        FormData.Checked checked = FormData.check(form(), JSON.readTree(person), true, TODAY);
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.data().has("creditCode")).as("hidden value dropped").isFalse();

        String org = person.replace("\"person\"", "\"org\"");
        assertThat(problems(org, true)).containsExactly("data.creditCode:application.credit_code");
        assertThat(problems(org.replace(", \"creditCode\": \"junk\"", ""), true))
                .containsExactly("data.creditCode:application.required");
        assertThat(problems(org.replace("junk", Identities.creditCode()), true)).isEmpty();
    }

    @Test
    void typedFieldsAreCheckedByType() {
        assertThat(problems("{\"idNumber\": \"%s\"}".formatted(Identities.withWrongCheck(Identities.idNumber())), false))
                .containsExactly("data.idNumber:application.id_number");
        assertThat(problems("{\"age\": 12.5}", false)).containsExactly("data.age:application.integer");
        assertThat(problems("{\"age\": 151}", false)).containsExactly("data.age:application.number_range");
        assertThat(problems("{\"start\": \"2026-11-25\"}", false)).containsExactly("data.start:application.date_range");
        assertThat(problems("{\"start\": \"26/11/2026\"}", false)).containsExactly("data.start:application.date");
        assertThat(problems("{\"kind\": \"alien\"}", false)).containsExactly("data.kind:application.option");
        assertThat(problems("{\"name\": \"张三李四王五\"}", false)).containsExactly("data.name:application.length");
        assertThat(problems("{\"agree\": \"yes\"}", false)).containsExactly("data.agree:application.checkbox");
        assertThat(problems("{\"nickname\": \"x\"}", false)).containsExactly("data.nickname:application.unknown_field");
    }

    @Test
    void everyDefaultFormOfTheDemoCatalogueIsAValidDefinition() {
        List<Map<String, Object>> forms = ServiceHallTestData.defaultForms();
        assertThat(forms).hasSizeGreaterThanOrEqualTo(2400);
        for (Map<String, Object> form : forms) {
            JsonNode tree = JSON.valueToTree(form);
            FormDefinition parsed = DefinitionParser.parse(tree);
            assertThat(parsed.fields()).isNotEmpty();
        }
    }
}
