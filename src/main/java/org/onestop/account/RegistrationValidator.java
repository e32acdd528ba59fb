package org.onestop.account;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.onestop.account.identity.CreditCode;
import org.onestop.account.identity.MainlandMobile;
import org.onestop.account.identity.PasswordPolicy;
import org.onestop.account.identity.ResidentIdNumber;
import org.onestop.web.FieldProblem;
import org.onestop.web.PlainText;
import org.springframework.stereotype.Component;

/**
 * Checks a registration field by field and collects every problem, so the form can show them all
 * at once. Returns the normalised values of a valid request.
 */
@Component
class RegistrationValidator {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,31}");
    /** Names in any script (汉字, Latin, Uyghur…), with the middle dot of transliterated names. */
    private static final Pattern PERSON_NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}·• .'-]*[\\p{L}\\p{M}]");

    private final PasswordPolicy passwords;

    RegistrationValidator(PasswordPolicy passwords) {
        this.passwords = passwords;
    }

    /** A valid, normalised registration; the constructor of {@link NewAccount} adds the hash. */
    record Valid(String username, String password, String displayName, AccountKind kind, String realName,
            String idNumber, String mobile, String enterpriseName, String creditCode) {
    }

    /** The problems of the request, empty when it is valid. */
    List<FieldProblem> problems(RegistrationRequest r, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String username = PlainText.clean(r.username());
        if (blank(username)) {
            problems.add(FieldProblem.of("username", "required"));
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add(FieldProblem.of("username", "username"));
        }
        checkPassword(r.password(), username, problems);
        checkDisplayName(PlainText.clean(r.displayName()), problems);
        String kind = PlainText.clean(r.kind());
        if (blank(kind)) {
            problems.add(FieldProblem.of("kind", "required"));
        } else if (!kind.equals("citizen") && !kind.equals("enterprise")) {
            problems.add(FieldProblem.of("kind", "registration_kind"));
        }
        checkRealName(PlainText.clean(r.realName()), problems);
        String mobile = PlainText.clean(r.mobile());
        if (blank(mobile)) {
            problems.add(FieldProblem.of("mobile", "required"));
        } else if (MainlandMobile.normalise(mobile).isEmpty()) {
            problems.add(FieldProblem.of("mobile", "mobile"));
        }
        if ("citizen".equals(kind)) {
            String id = PlainText.clean(r.idNumber());
            if (blank(id)) {
                problems.add(FieldProblem.of("idNumber", "required"));
            } else {
                ResidentIdNumber.check(id, today).ifPresent(p ->
                        problems.add(FieldProblem.of("idNumber", "id_number." + p.name().toLowerCase(Locale.ROOT))));
            }
        }
        if ("enterprise".equals(kind)) {
            String name = PlainText.clean(r.enterpriseName());
            if (blank(name)) {
                problems.add(FieldProblem.of("enterpriseName", "required"));
            } else if (PlainText.length(name) < 2 || PlainText.length(name) > 100 || PlainText.hasHiddenCharacters(name, false)) {
                problems.add(FieldProblem.of("enterpriseName", "size", 2, 100));
            }
            String code = PlainText.clean(r.creditCode());
            if (blank(code)) {
                problems.add(FieldProblem.of("creditCode", "required"));
            } else {
                CreditCode.check(code).ifPresent(p ->
                        problems.add(FieldProblem.of("creditCode", "credit_code." + p.name().toLowerCase(Locale.ROOT))));
            }
        }
        return problems;
    }

    /** The normalised request; call only when {@link #problems} found none. */
    Valid normalise(RegistrationRequest r) {
        AccountKind kind = AccountKind.fromCode(PlainText.clean(r.kind()));
        boolean citizen = kind == AccountKind.CITIZEN;
        return new Valid(PlainText.clean(r.username()), r.password(), PlainText.clean(r.displayName()), kind,
                PlainText.clean(r.realName()),
                citizen ? ResidentIdNumber.normalise(PlainText.clean(r.idNumber())) : null,
                MainlandMobile.normalise(PlainText.clean(r.mobile())).orElseThrow(),
                citizen ? null : PlainText.clean(r.enterpriseName()),
                citizen ? null : CreditCode.normalise(PlainText.clean(r.creditCode())));
    }

    void checkPassword(String password, String username, List<FieldProblem> problems) {
        if (password == null || password.isEmpty()) {
            problems.add(FieldProblem.of("password", "required"));
            return;
        }
        passwords.check(password, username == null ? "" : username).ifPresent(p ->
                problems.add(FieldProblem.of("password", "password." + p.name().toLowerCase(Locale.ROOT))));
    }

    static void checkDisplayName(String displayName, List<FieldProblem> problems) {
        if (blank(displayName)) {
            problems.add(FieldProblem.of("displayName", "required"));
        } else if (PlainText.length(displayName) > 30) {
            problems.add(FieldProblem.of("displayName", "size", 1, 30));
        } else if (PlainText.hasHiddenCharacters(displayName, false)) {
            problems.add(FieldProblem.of("displayName", "hidden_characters"));
        }
    }

    static void checkRealName(String realName, List<FieldProblem> problems) {
        if (blank(realName)) {
            problems.add(FieldProblem.of("realName", "required"));
        } else if (PlainText.length(realName) < 2 || PlainText.length(realName) > 30
                || !PERSON_NAME.matcher(realName).matches()) {
            problems.add(FieldProblem.of("realName", "real_name"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isEmpty();
    }
}
