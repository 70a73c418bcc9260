using Microsoft.Extensions.Options;
using PatentTransfer.Infrastructure.Email;
using PatentTransfer.Testing;

namespace PatentTransfer.Infrastructure.Tests;

public sealed class PickupDirectoryMailerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"pt-mailer-{Guid.NewGuid():N}");
    private readonly ListLogger<PickupDirectoryMailer> _logger = new();

    private string Pickup => Path.Combine(_root, "pickup");

    private PickupDirectoryMailer CreateMailer() =>
        new(Options.Create(new MailOptions { PickupDirectory = Pickup }), _logger);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task WritesAMessageThatAMailboxCanRead()
    {
        const string link = "https://portal.example/Account/ConfirmEmail?userId=0198a3c2-7d1e-7000-8000-000000000001&code=Q2ZESjhB%2Bx%2F9_-abc";
        var body = $"<p>张三，您好：</p><p>请点击<a href=\"{System.Net.WebUtility.HtmlEncode(link)}\">确认邮箱</a>完成注册。</p><p>河北省专利转化供需对接平台</p>";

        await CreateMailer().SendAsync("zhang.san@example.com", "请确认您的邮箱地址", body, TestContext.Current.CancellationToken);

        var mail = Assert.Single(new TestMailbox(Pickup).All());
        Assert.EndsWith(".eml", mail.Path, StringComparison.Ordinal);
        Assert.Contains("zhang.san@example.com", mail.To, StringComparison.Ordinal);
        Assert.Equal("请确认您的邮箱地址", mail.Subject);
        Assert.Contains("张三，您好：", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("河北省专利转化供需对接平台", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal([link], mail.Links);
        // Written in a staging folder and moved in whole: nothing of it is left behind.
        Assert.Empty(Directory.GetDirectories(Pickup));
    }

    [Fact]
    public async Task LongChineseSubjectSurvives()
    {
        const string subject = "【河北省专利转化供需对接平台】您的机构“石家庄恒锐精密机械有限公司”已通过审核，现在可以发布专利和技术需求了";

        await CreateMailer().SendAsync("li.si@example.com", subject, "<p>审核通过。</p>", TestContext.Current.CancellationToken);

        var mail = Assert.Single(new TestMailbox(Pickup).All());
        Assert.Equal(subject, mail.Subject);
        Assert.Equal("<p>审核通过。</p>", mail.HtmlBody.Trim());
    }

    [Fact]
    public async Task EachMessageIsAFileOfItsOwn()
    {
        var mailer = CreateMailer();

        await mailer.SendAsync("a@example.com", "第一封", "<p>1</p>", TestContext.Current.CancellationToken);
        await mailer.SendAsync("b@example.com", "第二封", "<p>2</p>", TestContext.Current.CancellationToken);

        var mails = new TestMailbox(Pickup).All();
        Assert.Equal(2, mails.Count);
        Assert.Equal(["第一封", "第二封"], mails.Select(m => m.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LogMasksTheRecipient()
    {
        await CreateMailer().SendAsync("zhang.san@example.com", "测试", "<p>测试</p>", TestContext.Current.CancellationToken);

        var message = Assert.Single(_logger.Messages);
        Assert.Contains("z***@example.com", message, StringComparison.Ordinal);
        Assert.DoesNotContain("zhang.san", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zhang.san@example.com", "z***@example.com")]
    [InlineData("a@b.cn", "a***@b.cn")]
    [InlineData("李四@例子.中国", "李***@例子.中国")]
    [InlineData("@example.com", "***")]
    [InlineData("no-at-sign", "***")]
    [InlineData("", "***")]
    public void MaskKeepsTheFirstCharacterAndTheDomain(string address, string masked)
    {
        Assert.Equal(masked, PickupDirectoryMailer.Mask(address));
    }
}
