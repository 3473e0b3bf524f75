using System.Text.Json.Nodes;
using NJsonSchema;
using RustScope.Core.Model;

namespace RustScope.Core.Tests.Model;

public sealed class SessionSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "schema", "profile-session.v1.schema.json");

    [Fact]
    public async Task A_written_session_validates_against_the_published_schema()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var json = System.Text.Encoding.UTF8.GetString(SessionJson.Serialize(SampleSessions.Full()));

        var errors = schema.Validate(json);

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Every_field_the_writer_emits_is_declared_in_the_schema()
    {
        // The schema accepts unknown fields (readers must), so validation alone would not notice a field the
        // model gained without the contract documenting it.
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();
        var document = JsonNode.Parse(SessionJson.Serialize(SampleSessions.Full()))!;

        var undeclared = new List<string>();
        CollectUndeclared(document, schema, schema, "$", undeclared);

        Assert.Empty(undeclared);
    }

    private static void CollectUndeclared(JsonNode? node, JsonObject schemaNode, JsonObject root, string path, List<string> undeclared)
    {
        if (schemaNode["$ref"]?.GetValue<string>() is { } reference)
        {
            schemaNode = root["definitions"]![reference["#/definitions/".Length..]]!.AsObject();
        }

        switch (node)
        {
            case JsonObject obj:
                var properties = schemaNode["properties"]?.AsObject();
                foreach (var (name, value) in obj)
                {
                    // A map (meta.isolation.environment) declares its values, not its keys.
                    if ((properties?[name] ?? schemaNode["additionalProperties"]) is JsonObject propertySchema)
                    {
                        CollectUndeclared(value, propertySchema, root, $"{path}.{name}", undeclared);
                    }
                    else
                    {
                        undeclared.Add($"{path}.{name}");
                    }
                }

                break;
            case JsonArray array when schemaNode["items"] is JsonObject items:
                foreach (var item in array)
                {
                    CollectUndeclared(item, items, root, $"{path}[]", undeclared);
                }

                break;
        }
    }
}
