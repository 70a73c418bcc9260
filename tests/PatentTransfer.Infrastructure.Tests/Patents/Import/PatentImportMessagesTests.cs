using System.Globalization;
using System.Reflection;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Patents.Import;

namespace PatentTransfer.Infrastructure.Tests.Patents.Import;

public sealed class PatentImportMessagesTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void EveryCodeTheImportCanReportHasAChineseAndAnEnglishText()
    {
        var codes = ImportCodes().Concat(RuleCodes()).Append(PatentImportMessages.LineKey).ToHashSet(StringComparer.Ordinal);

        Assert.All(codes, code =>
        {
            Assert.True(PatentImportMessages.Has(code), $"import-messages.tsv has no line for {code}");
            Assert.NotEqual(PatentImportMessages.Text(code, Chinese), PatentImportMessages.Text(code, English));
        });
        // And nothing else: a text whose code is never reported is out of date.
        Assert.Empty(PatentImportMessages.Keys.Except(codes));
    }

    [Fact]
    public void MessagesShowTheValueAndEnglishNamesTheColumnInBothLanguages()
    {
        var error = new PatentImportError(5, "主分类号", PatentImportErrorCodes.IpcUnknown, "H01M99/999");

        Assert.Equal("第 5 行，主分类号：现行 IPC 分类表中没有分类号 H01M99/999。", PatentImportMessages.Describe(error, Chinese));
        Assert.Equal("Row 5, 主分类号 (Main IPC): The IPC symbol H01M99/999 is not in the current IPC scheme.", PatentImportMessages.Describe(error, English));
        Assert.Equal("文件缺少必需的列：申请号、申请日。请使用导入模板中的列名。",
            PatentImportMessages.FileMessage(PatentImportFileErrorCodes.MissingColumns, "申请号、申请日", Chinese));
    }

    private static IEnumerable<string> ImportCodes()
    {
        foreach (var type in new[] { typeof(PatentImportErrorCodes), typeof(PatentImportFileErrorCodes) })
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            {
                var code = (string)field.GetRawConstantValue()!;
                if (code == PatentImportErrorCodes.ApplicationNumberPrefix)
                {
                    continue;
                }

                yield return type == typeof(PatentImportFileErrorCodes) ? PatentImportMessages.FilePrefix + code : code;
            }
        }

        foreach (var error in Enum.GetValues<ApplicationNumberError>().Where(e => e != ApplicationNumberError.None))
        {
            yield return PatentImportErrorCodes.ApplicationNumberPrefix + error;
        }
    }

    /// <summary>The codes of <see cref="PatentDetails.Validate"/>, collected from details that break every rule.</summary>
    private static IEnumerable<string> RuleCodes()
    {
        var today = new DateOnly(2025, 6, 30);
        var invention = ApplicationNumber.Parse("202110123456.7");
        var design = ApplicationNumber.Parse("202130123456." + ApplicationNumber.ComputeCheckCharacter("202130123456"));
        var ipc = IpcCode.Parse("H01M4/583");
        var locarno = LocarnoClass.TryParse("12-08", out var parsed) ? parsed : throw new InvalidOperationException("12-08 is a Locarno class");
        PatentDetails[] broken =
        [
            new(invention, null, "<b>" + new string('长', 201), "", new string('x', PatentDetails.ClaimsMaxLength + 1), null,
                Enumerable.Repeat(ipc, PatentDetails.MaxFurtherIpc + 1).ToList(), locarno, [""], [""], new DateOnly(2026, 1, 1),
                new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1), LegalStatus.Valid, [""], null),
            new(invention, null, null, "<b>x</b>" + new string('x', PatentDetails.AbstractMaxLength), "<b>x</b>", ipc, [], null, [], [],
                new DateOnly(2021, 1, 1), null, new DateOnly(2022, 1, 1), LegalStatus.Pending, [], null),
            new(design, null, null, "本外观设计产品为包装盒。", null, ipc, [], null, [], [], new DateOnly(2021, 1, 1), null, null, LegalStatus.Valid, [], null),
        ];
        return broken.SelectMany(d => d.Validate(today)).Select(e => e.Code);
    }
}
