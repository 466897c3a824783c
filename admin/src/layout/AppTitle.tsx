import { useTranslate } from 'react-admin';

/** 客服部管理系统 / CS Department, in the current language. */
export const AppTitle = () => <>{useTranslate()('app.title')}</>;
