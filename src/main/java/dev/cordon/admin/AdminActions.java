package dev.cordon.admin;

/** Names admin API calls for audit records ({@code admin:issue_key}, ...). Stateless. */
final class AdminActions {

    private AdminActions() {}

    private static final java.util.regex.Pattern PATH_TENANT = java.util.regex.Pattern.compile("^/admin/v1/tenants/([^/]+)");

    /** The tenant id an admin path names ({@code /admin/v1/tenants/{id}/...}), or null. */
    static String pathTenant(String path) {
        java.util.regex.Matcher m = PATH_TENANT.matcher(path);
        return m.find() ? m.group(1) : null;
    }

    static String of(String method, String path) {
        String[] parts = path.replaceAll("/+$", "").split("/");
        // parts: "", "admin", "v1", resource, [id], [sub], [subId], [verb]
        String resource = parts.length > 3 ? parts[3] : "";
        if (resource.equals("audit")) {
            return parts.length > 4 ? "admin:audit_verify" : "admin:audit_query";
        }
        String sub = parts.length > 5 ? parts[5] : null;
        String action = switch (method + " " + (sub == null ? (parts.length > 4 ? "tenant" : "tenants") : sub)) {
            case "POST tenants" -> "create_tenant";
            case "GET tenants" -> "list_tenants";
            case "GET tenant" -> "get_tenant";
            case "POST keys" -> "issue_key";
            case "GET keys" -> "list_keys";
            case "DELETE keys" -> "revoke_key";
            case "PUT models" -> "set_models";
            case "PUT phi-policy" -> "set_phi_policy";
            case "DELETE sessions" -> "end_session";
            case "DELETE subjects" -> "end_subject_sessions";
            case "POST break-glass" -> parts.length > 7 ? "approve_break_glass" : "request_break_glass";
            case "GET break-glass" -> "list_break_glass";
            case "DELETE break-glass" -> "revoke_break_glass";
            case "PUT oidc" -> "set_oidc";
            case "GET oidc" -> "get_oidc";
            case "DELETE oidc" -> "remove_oidc";
            default -> "other";
        };
        return "admin:" + action;
    }
}
