using Weishi.Web.Features.Contractors;

namespace Weishi.Tests.Foundation;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the example printed in GB 32100-2015
    [InlineData("91440300708461136T")] // 腾讯科技（深圳）有限公司
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("53100000500021676K")] // a national foundation (social organisation)
    [InlineData("91440101ma59cun59r")] // lower case is accepted and normalised
    public void Accepts_real_codes(string code) => Assert.Null(CreditCode.Validate(code));

    [Theory]
    [InlineData("91350100M000100Y44", "校验位")]
    [InlineData("91440300708461136X", "校验位")]
    [InlineData("9144030070846113", "18位")]
    [InlineData("91440300I08461136T", "不允许的字符")]
    [InlineData("", "请填写")]
    public void Rejects_bad_codes_with_a_Chinese_reason(string code, string reason)
    {
        var error = CreditCode.Validate(code);
        Assert.NotNull(error);
        Assert.Contains(reason, error);
    }
}
