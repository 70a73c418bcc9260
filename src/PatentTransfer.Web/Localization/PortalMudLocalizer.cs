using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace PatentTransfer.Web.Localization;

/// <summary>
/// MudBlazor's own texts (pager, close buttons, date picker) from the portal's resources, so grids read
/// "每页行数" in Chinese. Keys are "MudBlazor_" + MudBlazor's key; a key the portal does not define falls back
/// to MudBlazor's built-in English.
/// </summary>
public sealed class PortalMudLocalizer : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var text = SharedResource.ResourceManager.GetString("MudBlazor_" + key, CultureInfo.CurrentUICulture);
            return text is null ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, text);
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = this[key];
            return text.ResourceNotFound
                ? text
                : new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, text.Value, arguments));
        }
    }
}
