using MudBlazor;

namespace PatentTransfer.Web.Components.Layout;

public static class PortalTheme
{
    // System fonts only: nothing is fetched from the internet at run time. CJK faces first so Chinese renders well.
    private static readonly string[] FontFamily =
        ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1A4F8B",
            Secondary = "#B3261E",
            Tertiary = "#2E7D32",
            AppbarBackground = "#1A4F8B",
            Background = "#F6F8FB",
            DrawerBackground = "#FFFFFF",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
            H1 = new H1Typography { FontFamily = FontFamily },
            H2 = new H2Typography { FontFamily = FontFamily },
            H3 = new H3Typography { FontFamily = FontFamily },
            H4 = new H4Typography { FontFamily = FontFamily },
            H5 = new H5Typography { FontFamily = FontFamily },
            H6 = new H6Typography { FontFamily = FontFamily },
            Button = new ButtonTypography { FontFamily = FontFamily },
        },
    };
}
