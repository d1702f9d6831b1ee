using Microsoft.AspNetCore.Identity;

namespace SumahoSupport.Web.Security;

/// <summary>Identity's messages in Japanese, for the staff who create accounts and passwords.</summary>
internal sealed class JapaneseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"パスワードは{length}文字以上にしてください。");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "パスワードに数字を1つ以上含めてください。");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "パスワードに英小文字を1つ以上含めてください。");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "パスワードに英大文字を1つ以上含めてください。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "パスワードに記号を1つ以上含めてください。");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"{email} は既に登録されています。");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"{userName} は既に登録されています。");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"メールアドレス {email} の形式が正しくありません。");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "パスワードが正しくありません。");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
