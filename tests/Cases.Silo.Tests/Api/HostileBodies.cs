using System.Text;
using System.Text.Json.Nodes;

namespace Cases.Silo.Tests.Api;

/// <summary>One hostile request: who sends it where, with which bytes and content type, and the status it must get if a specific one.</summary>
public sealed record HostileRequest(string Name, string Caller, string Path, byte[] Body, string? ContentType = "application/json", int? ExpectedStatus = null);

/// <summary>Generates malformed and hostile bodies: wrong types, missing and null fields, huge strings, deep nesting, bad dates and numbers, unknown enums and members, wrong shapes, wrong content types, invalid UTF-8, and the hostile review's classes.</summary>
public static class HostileBodies
{
    private const string Json = "application/json";

    /// <summary>A valid intake body as a mutable JSON object, for tests that spoil one field.</summary>
    public static JsonObject Profile(string id) => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Profiles.Eligible(id)))!.AsObject();

    public static IEnumerable<HostileRequest> All(string applicant) =>
        Intake().Concat(OwnCase(applicant)).Concat(Decisions(applicant)).Concat(Tokens()).Concat(Review(applicant));

    private static IEnumerable<HostileRequest> Intake()
    {
        // Wrong JSON types for every field; nulls and enum integers are valid JSON that binding accepts, so validation must refuse them.
        var wrong = new Dictionary<string, JsonNode?[]>
        {
            ["identityDocument"] = [42, true, new JsonArray(), new JsonObject(), null, "", "a/b", "P\u0001X"],
            ["name"] = [42, false, new JsonArray("Li"), new JsonObject(), null, "   "],
            ["nationality"] = [86, true, new JsonArray(), new JsonObject(), null, "CHINA"],
            ["homeDistrict"] = [7, true, new JsonArray(), new JsonObject(), null, "a/b"],
            ["passport"] = [42, 0, -1, true, new JsonArray(), new JsonObject(), null, "Martian", "Chin ese"],
            ["passportExpiry"] = [42, true, new JsonArray(), new JsonObject(), "2026-13-45", "yesterday", "", "0000-01-01", "9999-12-31"],
            ["returnedOn"] = [42, true, new JsonArray(), new JsonObject(), "2026-02-30", "tomorrow", "2026-03-01T10:00:00Z", "0001-01-01", "9999-12-31"],
            ["degrees"] = [42, "Master", new JsonObject(), true, new JsonArray(42), new JsonArray("x"), new JsonArray((JsonNode?)null), null],
            ["studyAbroad"] = [42, "2020", new JsonObject(), new JsonArray(7), new JsonArray((JsonNode?)null), null, Period("2020-01-01", "2019-01-01"), Period("yesterday", "today"), Period("0001-01-01", "9999-12-31")],
            ["researchAbroad"] = [42, "x", new JsonObject(), new JsonArray(true), new JsonArray((JsonNode?)null), null, Research("Holiday"), Research(99), Research(0)],
            ["titleBeforeAbroad"] = [42, 0, "Guru", new JsonArray(), new JsonObject(), true],
            ["employer"] = [42, "Acme", new JsonArray(), true, new JsonObject(), Employer(name: null), Employer(district: "a/b"), Employer(industry: null), Employer(fullTime: "yes")],
            ["degrees "] = [new JsonArray()], // an unknown member that looks like a known one
        };
        foreach (var (field, values) in wrong)
        {
            foreach (var (value, i) in values.Select((v, i) => (v, i)))
            {
                var p = Profile(NewKey());
                p[field] = value?.DeepClone();
                yield return Anonymous($"intake {field} = {Describe(value)} #{i}", p);
            }
        }
        foreach (var degree in BadDegrees())
        {
            var p = Profile(NewKey());
            p["degrees"] = new JsonArray(degree);
            yield return Anonymous($"intake degree {Describe(degree)}", p);
        }
        foreach (var field in new[] { "identityDocument", "name", "nationality", "passport", "homeDistrict" })
        {
            var p = Profile(NewKey());
            p.Remove(field);
            yield return Anonymous($"intake without {field}", p);
        }
        foreach (var extra in new[] { "isAdmin", "__proto__", "IdentityDocument2", "$type", "" })
        {
            var p = Profile(NewKey());
            p[extra] = true;
            yield return Anonymous($"intake with unknown member '{extra}'", p);
        }
        var nestedExtra = Profile(NewKey());
        nestedExtra["employer"]!["ceo"] = "me";
        yield return Anonymous("intake with an unknown member in employer", nestedExtra);

        var huge = Profile(NewKey());
        huge["name"] = new string('x', 100 * 1024);
        yield return Anonymous("intake with a 100 KB name", huge, 400);
        var hugeId = Profile(NewKey());
        hugeId["identityDocument"] = new string('9', 100 * 1024);
        yield return Anonymous("intake with a 100 KB identity document", hugeId, 400);
        var manyDegrees = Profile(NewKey());
        manyDegrees["degrees"] = new JsonArray(Enumerable.Range(0, 500).Select(_ => manyDegrees["degrees"]![0]!.DeepClone()).ToArray());
        yield return Anonymous("intake with 500 degrees", manyDegrees, 400);
        var twoMegabytes = Profile(NewKey());
        twoMegabytes["name"] = new string('x', 2 * 1024 * 1024);
        yield return Anonymous("intake with a 2 MB body", twoMegabytes, 413);
        yield return new HostileRequest("intake with 2 MB of whitespace", "anonymous", "/applicants", Encoding.UTF8.GetBytes(new string(' ', 2 * 1024 * 1024) + "{}"), Json, 413);

        yield return Raw("intake nested 100 deep at the root", new string('[', 100) + new string(']', 100));
        yield return Raw("intake object nested 100 deep", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100));
        // Spliced in as text: JsonNode itself refuses to build or write past depth 64.
        yield return Raw("intake employer nested 100 deep", WithRaw(Profile(NewKey()), "employer", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100)));
        yield return Raw("intake degrees nested 100 deep", WithRaw(Profile(NewKey()), "degrees", new string('[', 100) + new string(']', 100)));
        yield return Raw("intake name nested 100 deep", WithRaw(Profile(NewKey()), "name", new string('[', 100) + "\"Li\"" + new string(']', 100)));

        yield return Raw("intake body null", "null");
        yield return Raw("intake body empty", "");
        yield return Raw("intake body whitespace", "   \n ");
        yield return Raw("intake body {}", "{}");
        yield return Raw("intake body is an array of the profile", $"[{Profile(NewKey()).ToJsonString()}]");
        yield return Raw("intake body is a string", "\"profile\"");
        yield return Raw("intake body is a number", "12345");
        yield return Raw("intake body true", "true");
        yield return Raw("intake trailing comma", Profile(NewKey()).ToJsonString().TrimEnd('}') + ",}");
        yield return Raw("intake single quotes", "{'identityDocument':'P-1'}");
        yield return Raw("intake comment", "/* hi */" + Profile(NewKey()).ToJsonString());
        yield return Raw("intake unterminated string", "{\"identityDocument\":\"P-1");
        yield return Raw("intake truncated", Profile(NewKey()).ToJsonString()[..40]);
        yield return Raw("intake NaN", Profile(NewKey()).ToJsonString().Replace("150", "NaN", StringComparison.Ordinal));
        yield return Raw("intake two documents", Profile(NewKey()).ToJsonString() + Profile(NewKey()).ToJsonString());
        yield return Raw("intake escaped lone surrogate in the name", Profile(NewKey()).ToJsonString().Replace("Li Wei", "Li \\ud800 Wei", StringComparison.Ordinal));
        yield return Raw("intake NUL in the name", Profile(NewKey()).ToJsonString().Replace("Li Wei", "Li \\u0000 Wei", StringComparison.Ordinal));

        foreach (var (name, bytes) in InvalidUtf8())
            yield return new HostileRequest($"intake invalid UTF-8: {name}", "anonymous", "/applicants", bytes);

        var valid = Encoding.UTF8.GetBytes(Profile(NewKey()).ToJsonString());
        foreach (var type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "text/json; charset=latin1" })
            yield return new HostileRequest($"intake as {type}", "anonymous", "/applicants", valid, type);
        yield return new HostileRequest("intake without a content type", "anonymous", "/applicants", valid, ContentType: null);
        yield return new HostileRequest("intake as XML", "anonymous", "/applicants", "<profile><name>Li</name></profile>"u8.ToArray(), "application/xml");
        yield return new HostileRequest("intake as a form", "anonymous", "/applicants", "identityDocument=P-1&name=Li"u8.ToArray(), "application/x-www-form-urlencoded");
    }

    private static IEnumerable<HostileRequest> OwnCase(string id)
    {
        var dependants = $"/applicants/{id}/dependants";
        foreach (var (name, body) in new (string, JsonNode?)[]
        {
            ("no relation", Obj(("dependantId", "c1"), ("name", "Kid"), ("birthDate", "2020-01-01"))),
            ("relation 99", Obj(("dependantId", "c1"), ("relation", 99), ("name", "Kid"))),
            ("relation Cousin", Obj(("dependantId", "c1"), ("relation", "Cousin"), ("name", "Kid"))),
            ("id 42", Obj(("dependantId", 42), ("relation", "Spouse"), ("name", "S"))),
            ("id null", Obj(("dependantId", null), ("relation", "Spouse"), ("name", "S"))),
            ("name 100 KB", Obj(("dependantId", "s1"), ("relation", "Spouse"), ("name", new string('n', 100 * 1024)))),
            ("name null", Obj(("dependantId", "s1"), ("relation", "Spouse"), ("name", null))),
            ("birth date 2026-13-45", Obj(("dependantId", "c1"), ("relation", "Child"), ("name", "Kid"), ("birthDate", "2026-13-45"))),
            ("birth date 0001-01-01", Obj(("dependantId", "c1"), ("relation", "Child"), ("name", "Kid"), ("birthDate", "0001-01-01"))),
            ("passport 9", Obj(("dependantId", "s1"), ("relation", "Spouse"), ("name", "S"), ("passport", 9))),
            ("passport expiry yesterday", Obj(("dependantId", "s1"), ("relation", "Spouse"), ("name", "S"), ("passportExpiry", "yesterday"))),
            ("array", new JsonArray(Obj(("dependantId", "s1"), ("relation", "Spouse"), ("name", "S")))),
            ("unknown member", Obj(("dependantId", "s1"), ("relation", "Spouse"), ("name", "S"), ("age", 30))),
            ("null body", null),
        })
            yield return Own($"dependant {name}", dependants, body);

        foreach (var (name, value) in new (string, JsonNode?)[] { ("42", 42), ("null", null), ("empty", ""), ("slash", "a/b"), ("object", new JsonObject()), ("200 chars", new string('a', 200)), ("tab", "a\tb") })
            yield return Own($"recognition applicationId {name}", $"/applicants/{id}/recognition", Obj(("applicationId", value)));
        yield return Own("recognition {}", $"/applicants/{id}/recognition", new JsonObject());

        foreach (var (name, body) in new (string, JsonNode?)[]
        {
            ("no permit id", Obj(("employerReference", "ref"))),
            ("enterprise key 42", Obj(("permitId", "p1"), ("enterpriseKey", 42))),
            ("enterprise key with slash", Obj(("permitId", "p1"), ("enterpriseKey", "a/b"))),
            ("employer reference 100 KB", Obj(("permitId", "p1"), ("employerReference", new string('r', 100 * 1024)))),
            ("permit id array", Obj(("permitId", new JsonArray("p1")))),
        })
            yield return Own($"permit {name}", $"/applicants/{id}/permits", body);

        foreach (var (name, body) in new (string, JsonNode?)[]
        {
            ("appliedByEmployer yes", Obj(("applicationId", "h1"), ("appliedByEmployer", "yes"))),
            ("dependantIds string", Obj(("applicationId", "h1"), ("appliedByEmployer", false), ("dependantIds", "c1"))),
            ("dependantIds [42]", Obj(("applicationId", "h1"), ("appliedByEmployer", false), ("dependantIds", new JsonArray(42)))),
            ("dependantIds [null]", Obj(("applicationId", "h1"), ("appliedByEmployer", false), ("dependantIds", new JsonArray((JsonNode?)null)))),
            ("1000 dependantIds", Obj(("applicationId", "h1"), ("appliedByEmployer", false), ("dependantIds", new JsonArray(Enumerable.Range(0, 1000).Select(i => (JsonNode?)$"c{i}").ToArray())))),
            ("no application id", Obj(("appliedByEmployer", false))),
        })
            yield return Own($"household registration {name}", $"/applicants/{id}/household-registrations", body);

        foreach (var (name, body) in new (string, JsonNode?)[]
        {
            ("kind Tourist", Obj(("applicationId", "f1"), ("kind", "Tourist"))),
            ("kind 0", Obj(("applicationId", "f1"), ("kind", 0))),
            ("kind 99", Obj(("applicationId", "f1"), ("kind", 99))),
            ("no kind", Obj(("applicationId", "f1"))),
            ("dependantIds object", Obj(("applicationId", "f1"), ("kind", "ResidencePermit"), ("dependantIds", new JsonObject()))),
            ("dependantId with slash", Obj(("applicationId", "f1"), ("kind", "ResidencePermit"), ("dependantIds", new JsonArray("a/b")))),
        })
            yield return Own($"foreign residence {name}", $"/applicants/{id}/foreign-residence", body);
    }

    private static IEnumerable<HostileRequest> Decisions(string id)
    {
        var approve = $"/applicants/{id}/permits/permit-1/approve";
        foreach (var (name, body) in new (string, JsonNode?)[]
        {
            ("reason 42", Obj(("reason", 42))), ("reason null", Obj(("reason", null))), ("reason blank", Obj(("reason", " "))),
            ("reason 100 KB", Obj(("reason", new string('r', 100 * 1024)))), ("no reason", new JsonObject()), ("null body", null),
            ("reason array", Obj(("reason", new JsonArray("ok")))), ("extra member", Obj(("reason", "ok"), ("force", true))),
        })
            yield return new HostileRequest($"approve {name}", "officer", approve, Bytes(body));
        yield return new HostileRequest("approve as text", "officer", approve, "approve!"u8.ToArray(), "text/plain");
    }

    private static IEnumerable<HostileRequest> Tokens()
    {
        foreach (var (name, body) in new (string, JsonNode?)[]
        {
            ("role god", Obj(("role", "god"), ("subject", "x"))), ("role 42", Obj(("role", 42), ("subject", "x"))),
            ("subject null", Obj(("role", "officer"), ("subject", null))), ("hours -5", Obj(("role", "officer"), ("subject", "x"), ("validForHours", -5))),
            ("hours 1e20", Obj(("role", "officer"), ("subject", "x"), ("validForHours", 1e20))), ("hours 1.5", Obj(("role", "officer"), ("subject", "x"), ("validForHours", 1.5))),
            ("hours \"-1\"", Obj(("role", "officer"), ("subject", "x"), ("validForHours", "-1"))), ("subject with slash", Obj(("role", "officer"), ("subject", "a/b"))),
            ("empty", new JsonObject()),
        })
            yield return new HostileRequest($"token {name}", "admin", "/auth/tokens", Bytes(body));
    }

    // The hostile review's classes (issue 11): invisible characters, homoglyphs, numbers as strings, whitespace and dot ids, overflow; each must be a 400.
    private static IEnumerable<HostileRequest> Review(string id)
    {
        foreach (var hidden in new[] { "\u200B", "\u200D", "\u202E", "\u2067", "\u200F", "\u061C", "\uFEFF" })
        {
            var code = $"U+{(int)hidden[0]:X4}";
            var name = Profile(NewKey());
            name["name"] = $"Li{hidden} Wei";
            yield return Anonymous($"review: {code} in the name", name, 400);
            var document = Profile(NewKey());
            document["identityDocument"] = $"P-{hidden}{Guid.NewGuid():N}";
            yield return Anonymous($"review: {code} in the identity document", document, 400);
            yield return new HostileRequest($"review: {code} in a reason", "officer", $"/applicants/{id}/permits/permit-1/approve", Bytes(Obj(("reason", $"ok{hidden}"))), Json, 400);
        }
        foreach (var (script, lookAlike) in new[] { ("Cyrillic A", "P\u0410-"), ("Cyrillic Er", "\u0420-"), ("Greek Rho", "\u03A1-"), ("Latin and Han", "P\u4E00-") })
        {
            var p = Profile(NewKey());
            p["identityDocument"] = lookAlike + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);
            yield return Anonymous($"review: identity document with {script}", p, 400);
        }
        var rank = Profile(NewKey());
        rank["degrees"]![0]!["universityRank"] = "150";
        yield return Anonymous("review: university rank as a string", rank, 400);
        yield return new HostileRequest("review: budget as a string", "officer", "/subsidy-programs", Encoding.UTF8.GetBytes("{\"year\":2001,\"budgetCny\":\"1000\"}"), Json, 400);
        yield return new HostileRequest("review: milestone value as a string", "officer", "/enterprises/E-none/milestones", Encoding.UTF8.GetBytes("{\"kind\":\"Patent\",\"value\":\"1\"}"), Json, 400);
        foreach (var blank in new[] { ".", "..", " ", "\t", "\u3000" })
        {
            var p = Profile(NewKey());
            p["identityDocument"] = blank;
            yield return Anonymous($"review: identity document {Describe(blank)}", p, 400);
            yield return Own($"review: permit id {Describe(blank)}", $"/applicants/{id}/permits", Obj(("permitId", blank)), 400);
        }
        foreach (var segment in new[] { "%20", "%20%20", "%09", "%E2%80%AE", new string('x', 129) })
        {
            yield return Own($"review: applicant route id {segment[..Math.Min(9, segment.Length)]}", $"/applicants/{segment}/recognition", Obj(("applicationId", "rec-1")), 400);
            yield return new HostileRequest($"review: permit route id {segment[..Math.Min(9, segment.Length)]}", "officer", $"/applicants/{id}/permits/{segment}/approve", Bytes(Obj(("reason", "ok"))), Json, 400);
        }
        foreach (var value in new[] { "9223372036854775807", "9223372036854775808", "1e19", "-9223372036854775808", "1000000000001" })
            yield return new HostileRequest($"review: funding round of {value}", "officer", "/enterprises/E-none/milestones", Encoding.UTF8.GetBytes($"{{\"kind\":\"FundingRound\",\"value\":{value}}}"), Json, 400);
        yield return new HostileRequest("review: patents beyond an int", "officer", "/enterprises/E-none/milestones", Encoding.UTF8.GetBytes("{\"kind\":\"Patent\",\"value\":2147483648}"), Json, 400);
        yield return new HostileRequest("review: budget of 2^63-1", "officer", "/subsidy-programs", Encoding.UTF8.GetBytes("{\"year\":2001,\"budgetCny\":9223372036854775807}"), Json, 400);
    }

    private static IEnumerable<JsonObject> BadDegrees()
    {
        JsonObject Degree(string field, JsonNode? value)
        {
            var d = Obj(("level", "Master"), ("country", "GB"), ("field", "computer science"), ("universityRank", 150), ("obtainedOn", "2024-06-01"), ("obtainedAbroad", true));
            d[field] = value;
            return d;
        }
        foreach (var rank in new JsonNode?[] { -1, 0, 2147483648L, JsonNode.Parse("1e400"), 1.5, JsonNode.Parse("-99999999999999999999"), "first" })
            yield return Degree("universityRank", rank);
        foreach (var level in new JsonNode?[] { "Emperor", 99, 0, null, "master's" })
            yield return Degree("level", level);
        foreach (var date in new JsonNode?[] { "2026-13-45", "2026-02-30", "yesterday", null, 20240601, "0001-01-01" })
            yield return Degree("obtainedOn", date);
        foreach (var text in new JsonNode?[] { null, "", new string('f', 100 * 1024), 42 })
            yield return Degree("field", text);
        yield return Degree("country", null);
        yield return Degree("obtainedAbroad", "yes");
        yield return Degree("honours", true);
    }

    private static IEnumerable<(string, byte[])> InvalidUtf8()
    {
        byte[] With(params byte[] bad)
        {
            var json = Profile(NewKey()).ToJsonString();
            var at = json.IndexOf("Li Wei", StringComparison.Ordinal);
            return [.. Encoding.UTF8.GetBytes(json[..at]), .. bad, .. Encoding.UTF8.GetBytes(json[at..])];
        }
        yield return ("0xFF in the name", With(0xFF));
        yield return ("0xFE 0xFF in the name", With(0xFE, 0xFF));
        yield return ("overlong slash", With(0xC0, 0xAF));
        yield return ("encoded surrogate", With(0xED, 0xA0, 0x80));
        yield return ("truncated sequence", With(0xE4, 0xB8));
        yield return ("lone continuation byte", With(0x80));
        yield return ("UTF-16 body", Encoding.Unicode.GetBytes(Profile(NewKey()).ToJsonString()));
        yield return ("bare 0xFF body", [0xFF, 0xFF, 0xFF]);
    }

    private static HostileRequest Anonymous(string name, JsonNode? body, int? status = null) => new(name, "anonymous", "/applicants", Bytes(body), Json, status);

    private static HostileRequest Raw(string name, string body) => new(name, "anonymous", "/applicants", Encoding.UTF8.GetBytes(body));

    private static HostileRequest Own(string name, string path, JsonNode? body, int? status = null) => new(name, "applicant", path, Bytes(body), Json, status);

    private static byte[] Bytes(JsonNode? body) => Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null");

    private static JsonObject Obj(params (string Name, JsonNode? Value)[] members) =>
        new(members.Select(m => KeyValuePair.Create(m.Name, m.Value?.DeepClone())));

    private static JsonArray Period(string from, string to) => new(Obj(("from", from), ("to", to)));

    private static JsonArray Research(JsonNode kind) => new(Obj(("kind", kind), ("field", "物理学"), ("from", "2020-01-01"), ("to", "2021-06-01")));

    private static JsonObject Employer(string? name = "Acme", string district = "haidian", string? industry = "finance", JsonNode? fullTime = null) =>
        Obj(("name", name), ("district", district), ("fullTime", fullTime ?? true), ("industry", industry));

    private static string WithRaw(JsonObject profile, string field, string rawJson)
    {
        profile.Remove(field);
        var json = profile.ToJsonString();
        return $"{json[..^1]},\"{field}\":{rawJson}}}";
    }

    private static string NewKey() => AuditSteps.NewId("P");

    private static string Describe(JsonNode? value) => value is null ? "null" : value.ToJsonString() is { Length: > 100 } s ? s[..100] + "…" : value.ToJsonString();
}
