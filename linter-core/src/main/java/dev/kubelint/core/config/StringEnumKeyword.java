package dev.kubelint.core.config;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.BaseKeywordValidator;
import com.networknt.schema.keyword.EnumValidator;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The {@code enum} keyword for enumerations of strings, the only kind the configuration schema has. The library's
 * own validator renders every value with Jackson's shared object mapper when it is built, and setting that mapper
 * up costs a run that reads a configuration file about 90 ms of start-up; comparing strings needs none of it.
 * Enumerations of other values still get the library's validator.
 */
final class StringEnumKeyword implements Keyword {

    @Override
    public String getValue() {
        return "enum";
    }

    @Override
    public KeywordValidator newValidator(
            SchemaLocation location, JsonNode schemaNode, Schema parentSchema, SchemaContext context) {
        if (!schemaNode.isArray() || schemaNode.isEmpty()) {
            return new EnumValidator(location, schemaNode, parentSchema, context);
        }
        for (JsonNode value : schemaNode) {
            if (!value.isString()) {
                return new EnumValidator(location, schemaNode, parentSchema, context);
            }
        }
        return new Validator(this, location, schemaNode, parentSchema, context);
    }

    private static final class Validator extends BaseKeywordValidator {
        private final Set<String> allowed = new LinkedHashSet<>();
        private final String shown;

        Validator(
                Keyword keyword,
                SchemaLocation location,
                JsonNode schemaNode,
                Schema parentSchema,
                SchemaContext context) {
            super(keyword, schemaNode, location, parentSchema, context);
            List<String> quoted = new ArrayList<>();
            for (JsonNode value : schemaNode) {
                allowed.add(value.asString());
                quoted.add('"' + value.asString().replace("\\", "\\\\").replace("\"", "\\\"") + '"');
            }
            this.shown = "[" + String.join(", ", quoted) + "]";
        }

        @Override
        public void validate(
                ExecutionContext executionContext, JsonNode node, JsonNode rootNode, NodePath instanceLocation) {
            if (node.isString() && allowed.contains(node.asString())) {
                return;
            }
            executionContext.addError(error().instanceNode(node)
                    .instanceLocation(instanceLocation)
                    .evaluationPath(executionContext.getEvaluationPath())
                    .locale(executionContext.getExecutionConfig().getLocale())
                    .arguments(shown)
                    .build());
        }
    }
}
