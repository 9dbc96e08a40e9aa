package dev.kubelint.cel;

import static dev.kubelint.cel.KubernetesLibraries.BOOL;
import static dev.kubelint.cel.KubernetesLibraries.DOUBLE;
import static dev.kubelint.cel.KubernetesLibraries.INT;
import static dev.kubelint.cel.KubernetesLibraries.STRING;
import static dev.kubelint.cel.KubernetesLibraries.binary;
import static dev.kubelint.cel.KubernetesLibraries.unary;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.kubelint.cel.KubernetesLibraries.Library;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lists library of k8s.io/apiserver/pkg/cel/library ({@code isSorted}, {@code min}, {@code max}, {@code sum},
 * {@code indexOf}, {@code lastIndexOf}) with the overloads, ordering and error texts of the Go code.
 */
final class ListLibrary {

    private ListLibrary() {}

    private static final List<Map.Entry<String, CelType>> COMPARABLE = List.of(
            Map.entry("int", INT),
            Map.entry("uint", SimpleType.UINT),
            Map.entry("double", DOUBLE),
            Map.entry("bool", BOOL),
            Map.entry("duration", SimpleType.DURATION),
            Map.entry("timestamp", SimpleType.TIMESTAMP),
            Map.entry("string", STRING),
            Map.entry("bytes", SimpleType.BYTES));

    static Library library() {
        KubernetesLibraries.Builder b = new KubernetesLibraries.Builder();
        List<CelOverloadDecl> isSorted = new ArrayList<>();
        List<CelOverloadDecl> min = new ArrayList<>();
        List<CelOverloadDecl> max = new ArrayList<>();
        List<CelOverloadDecl> sum = new ArrayList<>();
        for (Map.Entry<String, CelType> t : COMPARABLE) {
            String n = t.getKey();
            ListType list = ListType.create(t.getValue());
            isSorted.add(CelOverloadDecl.newMemberOverload("list_" + n + "_is_sorted_bool", BOOL, list));
            min.add(CelOverloadDecl.newMemberOverload("list_" + n + "_min_" + n, t.getValue(), list));
            max.add(CelOverloadDecl.newMemberOverload("list_" + n + "_max_" + n, t.getValue(), list));
            b.bind(unary("list_" + n + "_is_sorted_bool", List.class, ListLibrary::isSorted));
            b.bind(unary("list_" + n + "_min_" + n, List.class, l -> extreme(l, "min", 1)));
            b.bind(unary("list_" + n + "_max_" + n, List.class, l -> extreme(l, "max", -1)));
            if (List.of("int", "uint", "double", "duration").contains(n)) {
                sum.add(CelOverloadDecl.newMemberOverload("list_" + n + "_sum_" + n, t.getValue(), list));
                Object zero = switch (n) {
                    case "int" -> 0L;
                    case "uint" -> UnsignedLong.ZERO;
                    case "double" -> 0.0;
                    default -> Duration.ZERO;
                };
                b.bind(unary("list_" + n + "_sum_" + n, List.class, l -> sum(l, zero)));
            }
        }
        TypeParamType a = TypeParamType.create("A");
        b.function("isSorted", isSorted.toArray(CelOverloadDecl[]::new))
                .function("min", min.toArray(CelOverloadDecl[]::new))
                .function("max", max.toArray(CelOverloadDecl[]::new))
                .function("sum", sum.toArray(CelOverloadDecl[]::new))
                .function(
                        "indexOf", CelOverloadDecl.newMemberOverload("list_a_index_of_int", INT, ListType.create(a), a))
                .function(
                        "lastIndexOf",
                        CelOverloadDecl.newMemberOverload("list_a_last_index_of_int", INT, ListType.create(a), a))
                .bind(binary("list_a_index_of_int", List.class, Object.class, (l, x) -> (long) indexOf(l, x)))
                .bind(binary("list_a_last_index_of_int", List.class, Object.class, (l, x) -> (long) lastIndexOf(l, x)));
        return b.build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x
                && b instanceof Number y
                && !(a instanceof UnsignedLong)
                && !(b instanceof UnsignedLong)) {
            return a instanceof Long && b instanceof Long
                    ? Long.compare((Long) a, (Long) b)
                    : Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable c && a.getClass() == b.getClass()) {
            return Integer.signum(c.compareTo(b));
        }
        throw new IllegalArgumentException("no such overload");
    }

    private static boolean isSorted(List<?> list) {
        for (int i = 1; i < list.size(); i++) {
            if (compare(list.get(i - 1), list.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static Object extreme(List<?> list, String name, int replaceWhen) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException(name + " called on empty list");
        }
        Object result = list.get(0);
        for (Object next : list.subList(1, list.size())) {
            if (compare(result, next) == replaceWhen) {
                result = next;
            }
        }
        return result;
    }

    private static Object sum(List<?> list, Object zero) {
        Object acc = zero;
        for (Object next : list) {
            if (acc instanceof Long x && next instanceof Long y) {
                try {
                    acc = Math.addExact(x, y);
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("integer overflow");
                }
            } else if (acc instanceof Double x && next instanceof Number y) {
                acc = x + y.doubleValue();
            } else if (acc instanceof UnsignedLong x && next instanceof UnsignedLong y) {
                acc = x.plus(y);
            } else if (acc instanceof Duration x && next instanceof Duration y) {
                acc = x.plus(y);
            } else {
                throw new IllegalArgumentException("no such overload");
            }
        }
        return acc;
    }

    private static int indexOf(List<?> list, Object item) {
        for (int i = 0; i < list.size(); i++) {
            if (CelValues.equal(list.get(i), item)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<?> list, Object item) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (CelValues.equal(list.get(i), item)) {
                return i;
            }
        }
        return -1;
    }
}
