package dev.kubelint.cel;

import com.google.re2j.Matcher;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.kubelint.core.kube.Names;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The function libraries of k8s.io/apiserver/pkg/cel/library, with the names, overloads, semantics and error
 * texts of the Go code: lists, regex, URLs, quantity, IP, CIDR, format and semver. Which of them a release has is
 * decided by {@link KubernetesCel}.
 */
final class KubernetesLibraries {

    static final OpaqueType QUANTITY = OpaqueType.create("kubernetes.Quantity");
    static final OpaqueType URL = OpaqueType.create("kubernetes.URL");
    static final OpaqueType IP = OpaqueType.create("net.IP");
    static final OpaqueType CIDR = OpaqueType.create("net.CIDR");
    static final OpaqueType FORMAT = OpaqueType.create("kubernetes.NamedFormat");
    static final OpaqueType SEMVER = OpaqueType.create("kubernetes.Semver");

    static final CelType STRING = SimpleType.STRING;
    static final CelType INT = SimpleType.INT;
    static final CelType BOOL = SimpleType.BOOL;
    static final CelType DOUBLE = SimpleType.DOUBLE;

    /** One library: its declarations for the compiler and its bindings for the runtime. */
    record Library(List<CelFunctionDecl> declarations, List<CelFunctionBinding> bindings) {}

    private KubernetesLibraries() {}

    /** A library under construction. */
    static final class Builder {
        private final List<CelFunctionDecl> declarations = new ArrayList<>();
        private final List<CelFunctionBinding> bindings = new ArrayList<>();

        Builder function(String name, CelOverloadDecl... overloads) {
            declarations.add(CelFunctionDecl.newFunctionDeclaration(name, overloads));
            return this;
        }

        Builder bind(CelFunctionBinding binding) {
            bindings.add(binding);
            return this;
        }

        Library build() {
            return new Library(List.copyOf(declarations), List.copyOf(bindings));
        }
    }

    /** Runs a library function; a problem with the argument becomes an evaluation error with its message. */
    interface Body<T, R> {
        R apply(T value);
    }

    static <T, R> CelFunctionBinding unary(String id, Class<T> type, Body<T, R> body) {
        return CelFunctionBinding.from(id, type, v -> call(() -> body.apply(v)));
    }

    interface BinaryBody<A, B, R> {
        R apply(A a, B b);
    }

    static <A, B, R> CelFunctionBinding binary(String id, Class<A> a, Class<B> b, BinaryBody<A, B, R> body) {
        return CelFunctionBinding.from(id, a, b, (x, y) -> call(() -> body.apply(x, y)));
    }

    private static <R> Object call(java.util.function.Supplier<R> body) throws CelEvaluationException {
        try {
            return body.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CelEvaluationException(e.getMessage(), e);
        }
    }

    /** The lists library: isSorted, min, max, sum, indexOf, lastIndexOf. */
    static Library lists() {
        return ListLibrary.library();
    }

    // ---------------------------------------------------------------------------------------------- regex

    static Library regex() {
        return new Builder()
                .function("find", CelOverloadDecl.newMemberOverload("string_find_string", STRING, STRING, STRING))
                .function(
                        "findAll",
                        CelOverloadDecl.newMemberOverload(
                                "string_find_all_string", ListType.create(STRING), STRING, STRING),
                        CelOverloadDecl.newMemberOverload(
                                "string_find_all_string_int", ListType.create(STRING), STRING, STRING, INT))
                .bind(binary("string_find_string", String.class, String.class, (s, re) -> {
                    Matcher m = re2(re).matcher(s);
                    return m.find() ? m.group() : "";
                }))
                .bind(binary("string_find_all_string", String.class, String.class, (s, re) -> findAll(s, re, -1)))
                .bind(CelFunctionBinding.from(
                        "string_find_all_string_int",
                        List.of(String.class, String.class, Long.class),
                        args -> call(() -> findAll((String) args[0], (String) args[1], (Long) args[2]))))
                .build();
    }

    private static com.google.re2j.Pattern re2(String regex) {
        try {
            return com.google.re2j.Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("error parsing regexp: " + e.getMessage());
        }
    }

    private static List<String> findAll(String s, String regex, long limit) {
        List<String> out = new ArrayList<>();
        if (limit == 0) {
            return out;
        }
        Matcher m = re2(regex).matcher(s);
        while (m.find() && (limit < 0 || out.size() < limit)) {
            out.add(m.group());
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- urls

    static Library urls() {
        Builder b = new Builder()
                .function("url", CelOverloadDecl.newGlobalOverload("string_to_url", URL, STRING))
                .function("isURL", CelOverloadDecl.newGlobalOverload("is_url_string", BOOL, STRING))
                .function(
                        "getQuery",
                        CelOverloadDecl.newMemberOverload(
                                "url_get_query", MapType.create(STRING, ListType.create(STRING)), URL))
                .bind(unary("string_to_url", String.class, Url::parse))
                .bind(unary("is_url_string", String.class, Url::isValid))
                .bind(unary("url_get_query", Url.class, Url::query));
        Map<String, Function<Url, String>> getters = Map.of(
                "getScheme",
                Url::scheme,
                "getHost",
                Url::host,
                "getHostname",
                Url::hostname,
                "getPort",
                Url::port,
                "getEscapedPath",
                Url::escapedPath);
        getters.forEach((name, getter) -> {
            String id = "url_" + name.substring(3).toLowerCase(java.util.Locale.ROOT);
            b.function(name, CelOverloadDecl.newMemberOverload(id, STRING, URL))
                    .bind(unary(id, Url.class, getter::apply));
        });
        return b.build();
    }

    // ---------------------------------------------------------------------------------------------- quantity

    static Library quantity() {
        return new Builder()
                .function("quantity", CelOverloadDecl.newGlobalOverload("string_to_quantity", QUANTITY, STRING))
                .function("isQuantity", CelOverloadDecl.newGlobalOverload("is_quantity_string", BOOL, STRING))
                .function("sign", CelOverloadDecl.newMemberOverload("quantity_sign", INT, QUANTITY))
                .function(
                        "isGreaterThan",
                        CelOverloadDecl.newMemberOverload("quantity_is_greater_than", BOOL, QUANTITY, QUANTITY))
                .function(
                        "isLessThan",
                        CelOverloadDecl.newMemberOverload("quantity_is_less_than", BOOL, QUANTITY, QUANTITY))
                .function(
                        "compareTo", CelOverloadDecl.newMemberOverload("quantity_compare_to", INT, QUANTITY, QUANTITY))
                .function(
                        "asApproximateFloat", CelOverloadDecl.newMemberOverload("quantity_get_float", DOUBLE, QUANTITY))
                .function("asInteger", CelOverloadDecl.newMemberOverload("quantity_get_int", INT, QUANTITY))
                .function("isInteger", CelOverloadDecl.newMemberOverload("quantity_is_integer", BOOL, QUANTITY))
                .function(
                        "add",
                        CelOverloadDecl.newMemberOverload("quantity_add", QUANTITY, QUANTITY, QUANTITY),
                        CelOverloadDecl.newMemberOverload("quantity_add_int", QUANTITY, QUANTITY, INT))
                .function(
                        "sub",
                        CelOverloadDecl.newMemberOverload("quantity_sub", QUANTITY, QUANTITY, QUANTITY),
                        CelOverloadDecl.newMemberOverload("quantity_sub_int", QUANTITY, QUANTITY, INT))
                .bind(unary("string_to_quantity", String.class, Quantity::parse))
                .bind(unary("is_quantity_string", String.class, s -> Parsing.succeeds(() -> Quantity.parse(s))))
                .bind(unary("quantity_sign", Quantity.class, q -> (long) q.sign()))
                .bind(binary("quantity_is_greater_than", Quantity.class, Quantity.class, (x, y) -> x.compareTo(y) > 0))
                .bind(binary("quantity_is_less_than", Quantity.class, Quantity.class, (x, y) -> x.compareTo(y) < 0))
                .bind(binary("quantity_compare_to", Quantity.class, Quantity.class, (x, y) ->
                        (long) Integer.signum(x.compareTo(y))))
                .bind(unary("quantity_get_float", Quantity.class, Quantity::asApproximateFloat))
                .bind(unary("quantity_get_int", Quantity.class, Quantity::asInteger))
                .bind(unary("quantity_is_integer", Quantity.class, Quantity::isInteger))
                .bind(binary("quantity_add", Quantity.class, Quantity.class, Quantity::add))
                .bind(binary("quantity_add_int", Quantity.class, Long.class, (x, y) -> x.add(Quantity.ofInteger(y))))
                .bind(binary("quantity_sub", Quantity.class, Quantity.class, Quantity::subtract))
                .bind(binary(
                        "quantity_sub_int", Quantity.class, Long.class, (x, y) -> x.subtract(Quantity.ofInteger(y))))
                .build();
    }

    // ---------------------------------------------------------------------------------------------- ip and cidr

    static Library ip() {
        Builder b = new Builder()
                .function(
                        "ip",
                        CelOverloadDecl.newGlobalOverload("string_to_ip", IP, STRING),
                        CelOverloadDecl.newMemberOverload("cidr_ip", IP, CIDR))
                .function("isIP", CelOverloadDecl.newGlobalOverload("is_ip", BOOL, STRING))
                .function("ip.isCanonical", CelOverloadDecl.newGlobalOverload("ip_is_canonical", BOOL, STRING))
                .function("family", CelOverloadDecl.newMemberOverload("ip_family", INT, IP))
                .function("string", CelOverloadDecl.newGlobalOverload("ip_to_string", STRING, IP))
                .bind(unary("string_to_ip", String.class, IpAddress::parse))
                .bind(unary("is_ip", String.class, IpAddress::isValid))
                .bind(unary(
                        "ip_is_canonical",
                        String.class,
                        s -> IpAddress.parse(s).toString().equals(s)))
                .bind(unary("ip_family", IpAddress.class, ip -> (long) ip.family()))
                .bind(unary("ip_to_string", IpAddress.class, IpAddress::toString))
                .bind(unary("cidr_ip", Cidr.class, Cidr::ip));
        Map<String, Function<IpAddress, Boolean>> tests = Map.of(
                "isUnspecified",
                IpAddress::isUnspecified,
                "isLoopback",
                IpAddress::isLoopback,
                "isLinkLocalMulticast",
                IpAddress::isLinkLocalMulticast,
                "isLinkLocalUnicast",
                IpAddress::isLinkLocalUnicast,
                "isGlobalUnicast",
                IpAddress::isGlobalUnicast);
        tests.forEach((name, test) -> {
            String id = "ip_" + name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
            b.function(name, CelOverloadDecl.newMemberOverload(id, BOOL, IP))
                    .bind(unary(id, IpAddress.class, test::apply));
        });
        return b.build();
    }

    static Library cidr() {
        return new Builder()
                .function("cidr", CelOverloadDecl.newGlobalOverload("string_to_cidr", CIDR, STRING))
                .function("isCIDR", CelOverloadDecl.newGlobalOverload("is_cidr", BOOL, STRING))
                .function(
                        "containsIP",
                        CelOverloadDecl.newMemberOverload("cidr_contains_ip_string", BOOL, CIDR, STRING),
                        CelOverloadDecl.newMemberOverload("cidr_contains_ip_ip", BOOL, CIDR, IP))
                .function(
                        "containsCIDR",
                        CelOverloadDecl.newMemberOverload("cidr_contains_cidr_string", BOOL, CIDR, STRING),
                        CelOverloadDecl.newMemberOverload("cidr_contains_cidr", BOOL, CIDR, CIDR))
                .function("masked", CelOverloadDecl.newMemberOverload("cidr_masked", CIDR, CIDR))
                .function("prefixLength", CelOverloadDecl.newMemberOverload("cidr_prefix_length", INT, CIDR))
                .function("string", CelOverloadDecl.newGlobalOverload("cidr_to_string", STRING, CIDR))
                .bind(unary("string_to_cidr", String.class, Cidr::parse))
                .bind(unary("is_cidr", String.class, Cidr::isValid))
                .bind(binary(
                        "cidr_contains_ip_string", Cidr.class, String.class, (c, s) -> c.contains(IpAddress.parse(s))))
                .bind(binary("cidr_contains_ip_ip", Cidr.class, IpAddress.class, Cidr::contains))
                .bind(binary(
                        "cidr_contains_cidr_string", Cidr.class, String.class, (c, s) -> c.contains(Cidr.parse(s))))
                .bind(binary("cidr_contains_cidr", Cidr.class, Cidr.class, Cidr::contains))
                .bind(unary("cidr_masked", Cidr.class, Cidr::masked))
                .bind(unary("cidr_prefix_length", Cidr.class, c -> (long) c.prefixLength()))
                .bind(unary("cidr_to_string", Cidr.class, Cidr::toString))
                .build();
    }

    // ---------------------------------------------------------------------------------------------- format

    /** A named format of the format library. */
    record NamedFormat(String name, Function<String, List<String>> validator) {}

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Map<String, NamedFormat> FORMATS = formats();

    private static Map<String, NamedFormat> formats() {
        Map<String, Function<String, List<String>>> f = new java.util.LinkedHashMap<>();
        f.put("dns1123Label", Names::dns1123Label);
        f.put("dns1123Subdomain", Names::dns1123Subdomain);
        f.put("dns1035Label", Names::dns1035Label);
        f.put("qualifiedName", Names::qualifiedName);
        f.put("dns1123LabelPrefix", s -> Names.dns1123Label(maskTrailingDash(s)));
        f.put("dns1123SubdomainPrefix", s -> Names.dns1123Subdomain(maskTrailingDash(s)));
        f.put("dns1035LabelPrefix", s -> Names.dns1035Label(maskTrailingDash(s)));
        f.put("labelValue", Names::labelValue);
        f.put("uri", s -> Url.isValid(s) ? List.of() : List.of("invalid URI"));
        f.put("uuid", s -> UUID.matcher(s).matches() ? List.of() : List.of("does not match the UUID format"));
        f.put("byte", s -> {
            try {
                Base64.getDecoder().decode(s);
                return List.of();
            } catch (IllegalArgumentException e) {
                return List.of("invalid base64");
            }
        });
        f.put("date", s -> {
            try {
                LocalDate.parse(s);
                return List.of();
            } catch (DateTimeParseException e) {
                return List.of("invalid date");
            }
        });
        f.put("datetime", s -> {
            try {
                OffsetDateTime.parse(s);
                return List.of();
            } catch (DateTimeParseException e) {
                return List.of("invalid datetime");
            }
        });
        Map<String, NamedFormat> out = new java.util.LinkedHashMap<>();
        f.forEach((name, validator) -> out.put(name, new NamedFormat(name, validator)));
        return out;
    }

    private static String maskTrailingDash(String s) {
        return s.length() > 1 && s.endsWith("-") ? s.substring(0, s.length() - 1) + "a" : s;
    }

    static Library format() {
        Builder b = new Builder()
                .function(
                        "format.named",
                        CelOverloadDecl.newGlobalOverload("format-named", OptionalType.create(FORMAT), STRING))
                .function(
                        "validate",
                        CelOverloadDecl.newMemberOverload(
                                "format-validate", OptionalType.create(ListType.create(STRING)), FORMAT, STRING))
                .bind(unary("format-named", String.class, name -> Optional.ofNullable(FORMATS.get(name))))
                .bind(binary("format-validate", NamedFormat.class, String.class, (fmt, s) -> {
                    List<String> problems = fmt.validator().apply(s);
                    return problems.isEmpty() ? Optional.empty() : Optional.of(problems);
                }));
        FORMATS.forEach(
                (name, fmt) -> b.function("format." + name, CelOverloadDecl.newGlobalOverload("format-" + name, FORMAT))
                        .bind(CelFunctionBinding.from("format-" + name, List.of(), args -> fmt)));
        return b.build();
    }

    // ---------------------------------------------------------------------------------------------- semver

    static Library semver() {
        return new Builder()
                .function(
                        "semver",
                        CelOverloadDecl.newGlobalOverload("string_to_semver", SEMVER, STRING),
                        CelOverloadDecl.newGlobalOverload("string_bool_to_semver", SEMVER, STRING, BOOL))
                .function(
                        "isSemver",
                        CelOverloadDecl.newGlobalOverload("is_semver_string", BOOL, STRING),
                        CelOverloadDecl.newGlobalOverload("is_semver_string_bool", BOOL, STRING, BOOL))
                .function("major", CelOverloadDecl.newMemberOverload("semver_major", INT, SEMVER))
                .function("minor", CelOverloadDecl.newMemberOverload("semver_minor", INT, SEMVER))
                .function("patch", CelOverloadDecl.newMemberOverload("semver_patch", INT, SEMVER))
                .function(
                        "isGreaterThan",
                        CelOverloadDecl.newMemberOverload("semver_is_greater_than", BOOL, SEMVER, SEMVER))
                .function("isLessThan", CelOverloadDecl.newMemberOverload("semver_is_less_than", BOOL, SEMVER, SEMVER))
                .function("compareTo", CelOverloadDecl.newMemberOverload("semver_compare_to", INT, SEMVER, SEMVER))
                .bind(unary("string_to_semver", String.class, s -> Semver.parse(s, false)))
                .bind(binary("string_bool_to_semver", String.class, Boolean.class, Semver::parse))
                .bind(unary("is_semver_string", String.class, s -> Semver.isValid(s, false)))
                .bind(binary("is_semver_string_bool", String.class, Boolean.class, Semver::isValid))
                .bind(unary("semver_major", Semver.class, Semver::major))
                .bind(unary("semver_minor", Semver.class, Semver::minor))
                .bind(unary("semver_patch", Semver.class, Semver::patch))
                .bind(binary("semver_is_greater_than", Semver.class, Semver.class, (x, y) -> x.compareTo(y) > 0))
                .bind(binary("semver_is_less_than", Semver.class, Semver.class, (x, y) -> x.compareTo(y) < 0))
                .bind(binary("semver_compare_to", Semver.class, Semver.class, (x, y) ->
                        (long) Integer.signum(x.compareTo(y))))
                .build();
    }
}
