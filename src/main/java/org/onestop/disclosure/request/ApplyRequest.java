package org.onestop.disclosure.request;

/**
 * An application as the applicant writes it: the department asked, the information wanted (a
 * description and, if known, the document's title and number), the purpose, how to deliver
 * (electronic, paper, pickup) and how to reach the applicant.
 */
record ApplyRequest(Long departmentId, String description, String documentTitle, String documentNumber, String purpose,
        String delivery, String contactPhone, String contactEmail, String contactAddress) {
}
