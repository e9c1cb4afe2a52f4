package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/** Account numbers: labeled ("Acct#", "billing account") and Luhn-valid payment card numbers. */
final class AccountNumberRecognizer extends LabeledIdRecognizer {

    AccountNumberRecognizer() {
        super("account", PhiType.ACCOUNT_NUMBER,
                "acct|account|a/c|billing|invoice|bank account|routing|iban|credit card|card",
                List.of(NamedPattern.of("card", "(?<![\\w-])\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{1,7}(?![\\w-])", 0.4, Starts.digits(4, 19, null))),
                Set.of("account", "acct", "billing", "card", "visa", "mastercard", "amex", "bank"));
    }

    @Override
    double validate(CharSequence text, int start, int end, NamedPattern pattern, double score) {
        if (pattern.name().equals("card")) {
            String digits = Checksums.digitsOnly(text.subSequence(start, end));
            return digits.length() >= 13 && digits.length() <= 19 && Checksums.luhn(digits) ? 0.75 : 0.0;
        }
        return score;
    }
}
